import * as Y from 'yjs'

/**
 * The plain text of the body's non-empty blocks, one per entry: what the tests' clients
 * typed (an empty block is nobody's text).
 */
export const paragraphs = (doc: Y.Doc): string[] =>
  doc
    .getXmlFragment('default')
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((t) => t.toString())
            .join('')
        : '',
    )
    .filter((text) => text !== '')
