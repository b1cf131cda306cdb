import type { Node as PMNode } from '@tiptap/pm/model'
import type { MarkdownSerializer } from 'prosemirror-markdown'

/**
 * `serializer.serialize(doc)`, a part at a time: the document's blocks in parts that each begin
 * at a heading, serialized apart and joined as the serializer joins blocks (a blank line).
 *
 * The serializer reads the end of the text it has written before each write, and V8 then
 * copies the whole text written so far into one piece (a string built by appending is kept in
 * pieces until read): serializing a long text at once is quadratic (500 clauses: 6 s; 5,000
 * would outlast the export's time limit). A heading follows the block before it after a blank
 * line whatever that block is (only a list looks at the block before it), so the text is the same.
 */
export const serializeByHeadings = (
  serializer: MarkdownSerializer,
  doc: PMNode,
  isHeading: (node: PMNode) => boolean,
): string => {
  const parts: PMNode[][] = []
  doc.forEach((node) => {
    if (isHeading(node) || parts.length === 0) parts.push([])
    parts.at(-1)?.push(node)
  })
  const texts = parts.map((part) => serializer.serialize(doc.type.create(doc.attrs, part)))
  // The blank line as the serializer writes it: first a newline, if the part before has none at its end.
  return texts
    .map((text, i) => (i === 0 ? text : `${texts[i - 1]?.endsWith('\n') ? '' : '\n'}\n${text}`))
    .join('')
}
