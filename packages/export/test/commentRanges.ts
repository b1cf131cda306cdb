import { DOMParser, type Element, type Node } from '@xmldom/xmldom'

/**
 * What a real XML parser finds of one comment's range in a document part: the words between
 * its start and its end (paragraphs joined by ¶), the paragraphs it starts and ends in, and
 * how many starts, ends and references carry its id.
 */
export interface CommentRange {
  text: string
  startBlock: number
  endBlock: number
  starts: number
  ends: number
  references: number
  /** Whether its end comes after its start. */
  ordered: boolean
}

/** How a format marks paragraphs, comment ranges and text. */
interface Dialect {
  blocks: readonly string[]
  start: string
  end: string
  idAttribute: string
  reference?: string
  /** Elements whose text is the document's (WordprocessingML: `w:t`); absent: every text node. */
  text?: string
  /** Elements standing for characters (ODF's `text:s` is a space). */
  characters: Readonly<Record<string, string>>
}

const DOCX: Dialect = {
  blocks: ['w:p'],
  start: 'w:commentRangeStart',
  end: 'w:commentRangeEnd',
  idAttribute: 'w:id',
  reference: 'w:commentReference',
  text: 'w:t',
  characters: { 'w:tab': '\t', 'w:br': '\n' },
}

const ODF: Dialect = {
  blocks: ['text:p', 'text:h'],
  start: 'office:annotation',
  end: 'office:annotation-end',
  idAttribute: 'office:name',
  characters: { 'text:s': ' ', 'text:tab': '\t', 'text:line-break': '\n' },
}

const isElement = (node: Node): node is Element => node.nodeType === 1

const parse = (xml: string): Element => {
  const doc = new DOMParser({
    onError: (level, message) => {
      if (level !== 'warning') throw new Error(`not well-formed XML: ${message}`)
    },
  }).parseFromString(xml, 'text/xml')
  if (!doc.documentElement) throw new Error('no document element')
  return doc.documentElement
}

const rangesIn = (xml: string, dialect: Dialect): Map<string, CommentRange> => {
  const ranges = new Map<string, CommentRange>()
  const open = new Set<CommentRange>()
  let block = -1
  const rangeOf = (id: string) => {
    let range = ranges.get(id)
    if (!range) {
      range = {
        text: '',
        startBlock: -1,
        endBlock: -1,
        starts: 0,
        ends: 0,
        references: 0,
        ordered: false,
      }
      ranges.set(id, range)
    }
    return range
  }
  const write = (text: string) => {
    for (const range of open) range.text += text
  }
  const walk = (node: Node, inText: boolean) => {
    if (node.nodeType === 3) {
      if (inText) write(node.nodeValue ?? '')
      return
    }
    if (!isElement(node)) return
    const name = node.nodeName
    const id = node.getAttribute(dialect.idAttribute) ?? ''
    if (name === dialect.start) {
      const range = rangeOf(id)
      range.starts += 1
      range.startBlock = block
      open.add(range)
      // An ODF annotation holds the comment's own text: not words of the document.
      return
    }
    if (name === dialect.end) {
      const range = rangeOf(id)
      range.ends += 1
      range.endBlock = block
      range.ordered = open.delete(range)
      return
    }
    if (name === dialect.reference) {
      rangeOf(id).references += 1
      return
    }
    const character = dialect.characters[name]
    if (character !== undefined) {
      const repeat = Number(node.getAttribute('text:c') ?? '1')
      write(character.repeat(repeat))
      return
    }
    const isBlock = dialect.blocks.includes(name)
    if (isBlock) block += 1
    const text = dialect.text ? inText || name === dialect.text : inText || isBlock
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child, text)
    if (isBlock) write('¶')
  }
  walk(parse(xml), false)
  for (const range of ranges.values()) range.text = range.text.replace(/¶$/, '')
  return ranges
}

/** The comment ranges of WordprocessingML (`word/document.xml`), by `w:id`. */
export const docxCommentRanges = (xml: string): Map<string, CommentRange> => rangesIn(xml, DOCX)

/** The annotated ranges of ODF content (content.xml, or a flat .fodt), by `office:name`. */
export const odfAnnotationRanges = (xml: string): Map<string, CommentRange> => rangesIn(xml, ODF)

/** The `w:id`s of the comments in `word/comments.xml`. */
export const docxCommentIds = (xml: string): string[] => {
  const root = parse(xml)
  return Array.from(root.getElementsByTagName('w:comment')).map((c) => c.getAttribute('w:id') ?? '')
}

/** An ODF annotation: its name, author, date and paragraphs (the comment, then any replies). */
export interface OdfAnnotation {
  name: string
  creator: string
  date: string
  paragraphs: string[]
  /** LibreOffice's reply link (`loext:parent-name`), when it writes one. */
  parent: string | null
}

export const odfAnnotations = (xml: string): OdfAnnotation[] =>
  Array.from(parse(xml).getElementsByTagName('office:annotation')).map((el) => ({
    name: el.getAttribute('office:name') ?? '',
    creator: el.getElementsByTagName('dc:creator')[0]?.textContent ?? '',
    date: el.getElementsByTagName('dc:date')[0]?.textContent ?? '',
    paragraphs: Array.from(el.getElementsByTagName('text:p')).map((p) => p.textContent ?? ''),
    parent: el.getAttribute('loext:parent-name'),
  }))
