import type { ChildNode, Element } from 'domhandler'
import { parseDocument } from 'htmlparser2'
import sanitizeHtml from 'sanitize-html'
import {
  emptySource,
  type Inline,
  noteDropped,
  paragraphsOf,
  type RunMarks,
  type SourceBlock,
  type SourceCell,
  type SourceDocument,
  type SourceParagraph,
  sourceCell,
  type TrackedChange,
  WarningCode,
} from '../SourceDocument.js'

/** Elements that hold blocks; the walk starts a new paragraph at each. */
const BLOCK_TAGS = (
  'p div section article main header footer blockquote pre hr h1 h2 h3 h4 h5 h6 ' +
  'ul ol li table thead tbody tfoot tr caption title'
).split(' ')
/** Elements inside a paragraph: formatting, links, line breaks, and images (counted, dropped). */
const INLINE_TAGS = 'th td br a b strong i em u s strike del ins sup sub span code img'.split(' ')
const BLOCK = new Set(BLOCK_TAGS)

/** What survives sanitizing: structure and formatting; scripts, styles, frames, forms never. */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...BLOCK_TAGS, ...INLINE_TAGS],
  allowedAttributes: {
    a: ['href', 'id', 'class'],
    ins: ['class', 'title', 'datetime'],
    del: ['class', 'title', 'datetime'],
    li: ['id', 'class', 'value'],
    ol: ['start', 'class'],
    section: ['class'],
    sup: ['class'],
    // Merged cells.
    td: ['colspan', 'rowspan'],
    th: ['colspan', 'rowspan'],
    img: [],
  },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
}

const isElement = (node: ChildNode): node is Element => node.type === 'tag'

/** An `ol start` or `li value`: a whole number (HTML allows 0 and below), else undefined. */
const whole = (value: string | undefined): number | undefined => {
  const n = Number(value?.trim() || Number.NaN)
  return Number.isSafeInteger(n) ? n : undefined
}

/** HTML's white space rule: runs of spaces across elements are one space, none at the ends. */
const collapseSpaces = (paragraph: SourceParagraph): SourceParagraph => {
  const inlines: Inline[] = []
  let afterSpace = true
  for (const inline of paragraph.inlines) {
    if (inline.type === 'break') afterSpace = true
    if (inline.type !== 'text') {
      inlines.push(inline)
      continue
    }
    const text: string = afterSpace ? inline.text.replace(/^ /, '') : inline.text
    if (text === '') continue
    afterSpace = text.endsWith(' ')
    inlines.push({ ...inline, text })
  }
  for (let i = inlines.length - 1; i >= 0; i--) {
    const last = inlines[i]
    if (last?.type !== 'text') continue
    last.text = last.text.replace(/ $/, '')
    if (last.text === '') inlines.splice(i, 1)
    else break
  }
  return { ...paragraph, inlines }
}

/** Accord's own HTML export writes a suggestion as `<ins|del class="suggestion" title="Author, date">`. */
const trackedChange = (el: Element, key: string): TrackedChange | undefined => {
  if (!el.attribs.class?.split(/\s+/).includes('suggestion')) return undefined
  const title = el.attribs.title ?? ''
  const author = title.includes(',') ? title.slice(0, title.lastIndexOf(',')) : title
  const date = el.attribs.datetime
  return {
    kind: el.name === 'ins' ? 'insertion' : 'deletion',
    key,
    author: author.trim() || '?',
    ...(date && Number.isFinite(Date.parse(date)) ? { date } : {}),
  }
}

/**
 * An HTML page (or Markdown rendered to HTML) → source blocks. The page is sanitized first
 * (sanitize-html); the walk then keeps paragraphs, headings, lists, tables, links, bold,
 * italic, underline and strike-through, Accord's own suggestion markup, and footnotes as
 * markdown-it-footnote writes them (`sup.footnote-ref`, `section.footnotes`).
 */
class HtmlBody {
  private lists = 0
  private items = 0
  private changes = 0
  private pending: SourceParagraph | null = null

  constructor(private readonly source: SourceDocument) {}

  blocks(nodes: ChildNode[], list?: SourceParagraph['numbering']): SourceBlock[] {
    const out: SourceBlock[] = []
    const flush = () => {
      if (this.pending?.inlines.some((i) => i.type !== 'text' || i.text.trim() !== ''))
        out.push(collapseSpaces(this.pending))
      this.pending = null
    }
    for (const node of nodes) {
      if (!isElement(node) || !BLOCK.has(node.name)) {
        this.pending ??= { type: 'paragraph', inlines: [], ...(list ? { numbering: list } : {}) }
        this.inline(node, {}, this.pending.inlines)
        continue
      }
      flush()
      const el = node
      switch (el.name) {
        case 'h1':
        case 'h2':
        case 'h3':
        case 'h4':
        case 'h5':
        case 'h6':
        case 'p':
        case 'pre':
        case 'caption': {
          const paragraph: SourceParagraph = { type: 'paragraph', inlines: [] }
          if (el.name.startsWith('h')) paragraph.heading = Number(el.name.slice(1))
          if (list) paragraph.numbering = list
          for (const child of el.children) this.inline(child, {}, paragraph.inlines)
          out.push(el.name === 'pre' ? paragraph : collapseSpaces(paragraph))
          break
        }
        case 'ul':
        case 'ol': {
          const level = list ? list.level + 1 : 0
          const listId = list?.listId ?? `html-${++this.lists}`
          const ordered = el.name === 'ol'
          // An `ol` counts from its `start`, an `li` with a `value` from that value on.
          let number = ordered ? (whole(el.attribs.start) ?? 1) : 0
          for (const item of el.children) {
            const li = isElement(item) && item.name === 'li'
            const value = li ? whole(item.attribs.value) : undefined
            if (value !== undefined) number = value
            // Only an `li` takes a number; what else stands in a list (white space, a list
            // straight inside it) takes none.
            const numbering = {
              level,
              ordered,
              listId,
              item: ++this.items,
              ...(ordered && li ? { number: number++ } : {}),
            }
            // A list straight inside a list (no `li` between, as hand-written pages have it) is
            // read as an item holding that list, so its items stay one level deeper.
            if (isElement(item) && item.name === 'li')
              out.push(...this.blocks(item.children, numbering))
            else out.push(...this.blocks([item], numbering))
          }
          break
        }
        case 'table':
          out.push(this.table(el))
          break
        case 'section':
          if (el.attribs.class?.includes('footnotes')) this.footnotes(el)
          else out.push(...this.blocks(el.children, list))
          break
        case 'hr':
        case 'title':
          break
        default:
          out.push(...this.blocks(el.children, list))
      }
    }
    flush()
    return out
  }

  private table(table: Element): SourceBlock {
    const rows: SourceCell[][] = []
    const walk = (el: Element) => {
      for (const child of el.children) {
        if (!isElement(child)) continue
        if (child.name === 'tr') {
          rows.push(
            child.children
              .filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th'))
              .map((cell) =>
                sourceCell(
                  paragraphsOf(this.blocks(cell.children)),
                  cell.name === 'th',
                  cell.attribs.colspan,
                  cell.attribs.rowspan,
                ),
              ),
          )
        } else if (child.name === 'thead' || child.name === 'tbody' || child.name === 'tfoot')
          walk(child)
      }
    }
    walk(table)
    return { type: 'table', rows }
  }

  private footnotes(section: Element): void {
    const items: Element[] = []
    const collect = (el: Element) => {
      for (const child of el.children) {
        if (!isElement(child)) continue
        if (child.name === 'li' && child.attribs.id) items.push(child)
        else collect(child)
      }
    }
    collect(section)
    for (const item of items) {
      const id = item.attribs.id ?? ''
      this.source.footnotes.set(id, paragraphsOf(this.blocks(item.children)))
    }
  }

  private inline(node: ChildNode, marks: RunMarks, out: Inline[]): void {
    if (node.type === 'text') {
      const text = node.data.replace(/\s+/g, ' ')
      if (text !== '') out.push({ type: 'text', text, marks })
      return
    }
    if (!isElement(node)) return
    const inner = this.elementMarks(node, marks, out)
    if (inner) for (const child of node.children) this.inline(child, inner, out)
  }

  /** The marks an element gives its children; null when it has no children to read (written here). */
  private elementMarks(el: Element, marks: RunMarks, out: Inline[]): RunMarks | null {
    switch (el.name) {
      case 'b':
      case 'strong':
        return { ...marks, bold: true }
      case 'i':
      case 'em':
        return { ...marks, italic: true }
      case 'u':
        return { ...marks, underline: true }
      case 's':
      case 'strike':
        return { ...marks, strike: true }
      case 'ins':
      case 'del': {
        const change = trackedChange(el, `${el.name}-${++this.changes}`)
        if (change) return { ...marks, change }
        return el.name === 'del' ? { ...marks, strike: true } : marks
      }
      case 'a': {
        if ((el.attribs.class ?? '').includes('footnote-backref')) return null
        const href = el.attribs.href
        return href ? { ...marks, link: href } : marks
      }
      case 'sup': {
        const ref = el.attribs.class?.includes('footnote-ref')
        const target = ref ? el.children.find(isElement)?.attribs.href : undefined
        if (!target?.startsWith('#')) return marks
        out.push({ type: 'noteRef', id: target.slice(1) })
        return null
      }
      case 'br':
        out.push({ type: 'break', marks })
        return null
      case 'img':
        noteDropped(this.source, WarningCode.images)
        return null
      default:
        return marks
    }
  }
}

/** HTML text → source blocks, sanitized. */
export const readHtml = (html: string): SourceDocument => {
  const clean = sanitizeHtml(html, SANITIZE)
  const source = emptySource()
  const dom = parseDocument(clean)
  source.blocks = new HtmlBody(source).blocks(dom.children)
  return source
}
