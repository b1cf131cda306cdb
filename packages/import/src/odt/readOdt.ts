import type { Element } from '@xmldom/xmldom'
import { ImportError, ImportRefusal } from '../ImportError.js'
import { childElements, parseXml } from '../package/parseXml.js'
import { type PackageLimits, partText, readPackage } from '../package/readPackage.js'
import {
  emptySource,
  type Inline,
  type Numbering,
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

const ODT_MIME = 'application/vnd.oasis.opendocument.text'

/** Bold, italic, underline, strike-through of the automatic and named text styles. */
const readTextStyles = (roots: (Element | undefined)[]): Map<string, RunMarks> => {
  const styles = new Map<string, RunMarks>()
  for (const root of roots) {
    if (!root) continue
    for (const style of Array.from(root.getElementsByTagName('style:style'))) {
      const props = childElements(style).find((el) => el.nodeName === 'style:text-properties')
      if (!props) continue
      const marks: RunMarks = {}
      if (props.getAttribute('fo:font-weight') === 'bold') marks.bold = true
      if (props.getAttribute('fo:font-style') === 'italic') marks.italic = true
      const underline = props.getAttribute('style:text-underline-style')
      if (underline && underline !== 'none') marks.underline = true
      const strike = props.getAttribute('style:text-line-through-style')
      if (strike && strike !== 'none') marks.strike = true
      styles.set(style.getAttribute('style:name') ?? '', marks)
    }
  }
  return styles
}

/** Paragraph styles that LibreOffice derives from "Heading N" and "Title". */
const readHeadingStyles = (roots: (Element | undefined)[]): Map<string, number> => {
  const parents = new Map<string, string>()
  const levels = new Map<string, number>()
  for (const root of roots) {
    for (const style of root ? Array.from(root.getElementsByTagName('style:style')) : []) {
      const name = style.getAttribute('style:name') ?? ''
      const heading = /^Heading_20_(\d)$/.exec(name)
      if (heading) levels.set(name, Number(heading[1]))
      else if (name === 'Title') levels.set(name, 0)
      const parent = style.getAttribute('style:parent-style-name')
      if (parent) parents.set(name, parent)
    }
  }
  for (const [name, parent] of parents) {
    let at: string | undefined = parent
    for (let hops = 0; at && !levels.has(name) && hops < 10; hops++) {
      const level = levels.get(at)
      if (level !== undefined) levels.set(name, level)
      at = parents.get(at)
    }
  }
  return levels
}

/** The levels (1-based) that each list style numbers rather than bullets, and where each starts. */
const readNumberedLists = (roots: (Element | undefined)[]): Map<string, Map<number, number>> => {
  const lists = new Map<string, Map<number, number>>()
  for (const root of roots) {
    for (const style of root ? Array.from(root.getElementsByTagName('text:list-style')) : []) {
      const numbered = new Map<number, number>()
      for (const level of childElements(style)) {
        if (
          level.nodeName === 'text:list-level-style-number' &&
          level.getAttribute('style:num-format')
        )
          numbered.set(
            Number(level.getAttribute('text:level') ?? 1),
            startValue(level.getAttribute('text:start-value')) ?? 1,
          )
      }
      lists.set(style.getAttribute('style:name') ?? '', numbered)
    }
  }
  return lists
}

/** A `text:start-value`: a whole number, else undefined. */
const startValue = (value: string | null): number | undefined => {
  const n = Number(value?.trim() || Number.NaN)
  return Number.isSafeInteger(n) && n >= 0 ? n : undefined
}

/** The list a paragraph stands in, and the list style that its levels follow. */
type OdtList = Numbering & { style: string | undefined }

interface Region {
  change: TrackedChange
  /** For a deletion, the paragraphs that were removed, to show struck through. */
  removed: Element[]
}

/**
 * content.xml of an OpenDocument text: headings and paragraphs, lists, tables, footnotes
 * (`text:note`), comments (`office:annotation` … `office:annotation-end`) and tracked changes
 * (`text:tracked-changes`: insertions between `text:change-start` and `text:change-end`,
 * deletions at `text:change`, their text kept in the change region).
 */
class OdtBody {
  private readonly regions = new Map<string, Region>()
  private listCount = 0
  private itemCount = 0
  /** The last number of each list by its `xml:id`, and of the last list at each level. */
  private readonly counted = new Map<string, number>()

  constructor(
    private readonly source: SourceDocument,
    private readonly textStyles: Map<string, RunMarks>,
    private readonly headingStyles: Map<string, number>,
    private readonly numberedLists: Map<string, Map<number, number>>,
  ) {}

  readTrackedChanges(tracked: Element): void {
    for (const region of childElements(tracked)) {
      if (region.nodeName !== 'text:changed-region') continue
      const id = region.getAttribute('text:id') ?? region.getAttribute('xml:id') ?? ''
      for (const kind of childElements(region)) {
        const info = childElements(kind).find((el) => el.nodeName === 'office:change-info')
        const creator = info && childElements(info).find((el) => el.nodeName === 'dc:creator')
        const date = info && childElements(info).find((el) => el.nodeName === 'dc:date')
        const change = (k: TrackedChange['kind']): TrackedChange => ({
          kind: k,
          key: `${k}-${id}`,
          author: creator?.textContent?.trim() || '?',
          ...(date?.textContent ? { date: date.textContent.trim() } : {}),
        })
        if (kind.nodeName === 'text:insertion')
          this.regions.set(id, { change: change('insertion'), removed: [] })
        else if (kind.nodeName === 'text:deletion')
          this.regions.set(id, {
            change: change('deletion'),
            removed: childElements(kind).filter(
              (el) => el.nodeName === 'text:p' || el.nodeName === 'text:h',
            ),
          })
        else if (kind.nodeName === 'text:format-change')
          noteDropped(this.source, WarningCode.formatChanges)
      }
    }
  }

  blocks(container: Element, list?: OdtList): SourceBlock[] {
    const out: SourceBlock[] = []
    for (const el of childElements(container)) {
      switch (el.nodeName) {
        case 'text:p':
        case 'text:h': {
          const paragraph = this.paragraph(el)
          if (list) {
            const { style: _, ...numbering } = list
            paragraph.numbering = numbering
          }
          out.push(paragraph)
          break
        }
        case 'text:list': {
          const level = list ? list.level + 1 : 0
          const listId = list?.listId ?? `odt-${++this.listCount}`
          // A nested list names no style of its own as a rule: the outer list's style says,
          // level by level, which levels are numbered and which bulleted.
          const style = el.getAttribute('text:style-name') || list?.style
          const start = this.numberedLists.get(style ?? '')?.get(level + 1)
          const ordered = start !== undefined
          // A list counts from its style's start value, or on from the list it continues.
          const continues =
            el.getAttribute('text:continue-list') ||
            (el.getAttribute('text:continue-numbering') === 'true' ? `level-${level}` : '')
          let number = (continues && this.counted.get(continues)) || (start ?? 1) - 1
          for (const item of childElements(el)) {
            if (item.nodeName === 'text:list-header') {
              out.push(
                ...this.blocks(item, { level, ordered, listId, style, item: ++this.itemCount }),
              )
              continue
            }
            if (item.nodeName !== 'text:list-item') continue
            // An item may start the count again (`text:start-value`).
            number = startValue(item.getAttribute('text:start-value')) ?? number + 1
            out.push(
              ...this.blocks(item, {
                level,
                ordered,
                listId,
                style,
                item: ++this.itemCount,
                ...(ordered ? { number } : {}),
              }),
            )
          }
          const id = el.getAttribute('xml:id')
          if (id) this.counted.set(id, number)
          this.counted.set(`level-${level}`, number)
          break
        }
        case 'table:table':
          out.push(this.table(el))
          break
        case 'text:section':
        case 'table:table-row-group':
          out.push(...this.blocks(el, list))
          break
        case 'text:tracked-changes':
          this.readTrackedChanges(el)
          break
        case 'draw:frame':
          noteDropped(this.source, WarningCode.images)
          break
        default:
          break
      }
    }
    return out
  }

  private table(table: Element): SourceBlock {
    const rows: SourceCell[][] = []
    // Covered cells (the places a merged cell takes) are left out: the merged cell says its span.
    const walk = (el: Element, header: boolean) => {
      for (const row of childElements(el)) {
        if (row.nodeName === 'table:table-header-rows') walk(row, true)
        if (row.nodeName === 'table:table-rows') walk(row, header)
        if (row.nodeName !== 'table:table-row') continue
        rows.push(
          childElements(row)
            .filter((c) => c.nodeName === 'table:table-cell')
            .map((cell) =>
              sourceCell(
                paragraphsOf(this.blocks(cell)),
                header,
                cell.getAttribute('table:number-columns-spanned'),
                cell.getAttribute('table:number-rows-spanned'),
              ),
            ),
        )
      }
    }
    walk(table, false)
    return { type: 'table', rows }
  }

  private paragraph(el: Element): SourceParagraph {
    const paragraph: SourceParagraph = { type: 'paragraph', inlines: [] }
    const outline = el.getAttribute('text:outline-level')
    const style = el.getAttribute('text:style-name') ?? ''
    if (el.nodeName === 'text:h') paragraph.heading = Math.min(6, Math.max(1, Number(outline) || 1))
    else if (this.headingStyles.has(style)) paragraph.heading = this.headingStyles.get(style)
    this.inlines(el, this.textStyles.get(style) ?? {}, paragraph.inlines)
    return paragraph
  }

  /** Tracked insertions open at this point of the walk (`text:change-start` … `text:change-end`). */
  private readonly openChanges: TrackedChange[] = []

  private inlines(container: Element, marks: RunMarks, out: Inline[]): void {
    const withChange = (m: RunMarks): RunMarks => {
      const change = this.openChanges[this.openChanges.length - 1]
      return change && !m.change ? { ...m, change } : m
    }
    const text = (value: string, m: RunMarks) => {
      if (value !== '') out.push({ type: 'text', text: value, marks: withChange(m) })
    }
    for (let node = container.firstChild; node; node = node.nextSibling) {
      if (node.nodeType === 3) {
        text((node.nodeValue ?? '').replace(/\s+/g, ' '), marks)
        continue
      }
      if (node.nodeType !== 1) continue
      const el = node as Element
      switch (el.nodeName) {
        case 'text:span':
          this.inlines(
            el,
            { ...marks, ...this.textStyles.get(el.getAttribute('text:style-name') ?? '') },
            out,
          )
          break
        case 'text:a':
          this.inlines(el, { ...marks, link: el.getAttribute('xlink:href') ?? '' }, out)
          break
        case 'text:s':
          text(' '.repeat(Math.min(100, Number(el.getAttribute('text:c') ?? 1) || 1)), marks)
          break
        case 'text:tab':
          text('\t', marks)
          break
        case 'text:line-break':
          out.push({ type: 'break', marks: withChange(marks) })
          break
        case 'text:note': {
          const id = el.getAttribute('text:id') ?? `n${this.source.footnotes.size + 1}`
          const body = childElements(el).find((c) => c.nodeName === 'text:note-body')
          this.source.footnotes.set(id, body ? paragraphsOf(this.blocks(body)) : [])
          out.push({ type: 'noteRef', id })
          break
        }
        case 'office:annotation': {
          const name = el.getAttribute('office:name') ?? `a${this.source.comments.size + 1}`
          const creator = childElements(el).find((c) => c.nodeName === 'dc:creator')
          const date = childElements(el).find((c) => c.nodeName === 'dc:date')
          const body = childElements(el)
            .filter((c) => c.nodeName === 'text:p' || c.nodeName === 'text:list')
            .map((c) => (c.textContent ?? '').trim())
            .join('\n')
          const parent = el.getAttribute('loext:parent-name')
          const message = {
            author: creator?.textContent?.trim() || '?',
            ...(date?.textContent ? { date: date.textContent.trim() } : {}),
            body,
          }
          const thread = parent ? this.source.comments.get(parent) : undefined
          if (thread) {
            thread.messages.push(message)
            break
          }
          this.source.comments.set(name, { id: name, messages: [message] })
          out.push({ type: 'commentStart', id: name })
          // Without an end, the comment is on the point it stands at: it ends there too.
          if (!el.getAttribute('office:name')) out.push({ type: 'commentEnd', id: name })
          break
        }
        case 'office:annotation-end':
          out.push({ type: 'commentEnd', id: el.getAttribute('office:name') ?? '' })
          break
        case 'text:change-start': {
          const region = this.regions.get(el.getAttribute('text:change-id') ?? '')
          if (region) this.openChanges.push(region.change)
          break
        }
        case 'text:change-end': {
          const region = this.regions.get(el.getAttribute('text:change-id') ?? '')
          const at = region ? this.openChanges.lastIndexOf(region.change) : -1
          if (at >= 0) this.openChanges.splice(at, 1)
          break
        }
        case 'text:change': {
          const region = this.regions.get(el.getAttribute('text:change-id') ?? '')
          if (region?.change.kind !== 'deletion') break
          region.removed.forEach((p, i) => {
            if (i > 0) out.push({ type: 'break', marks: { change: region.change } })
            const removed: Inline[] = []
            this.inlines(p, {}, removed)
            for (const inline of removed)
              if (inline.type === 'text')
                out.push({ ...inline, marks: { ...inline.marks, change: region.change } })
          })
          break
        }
        case 'draw:frame':
        case 'draw:a':
          noteDropped(this.source, WarningCode.images)
          break
        case 'text:bookmark':
        case 'text:bookmark-start':
        case 'text:bookmark-end':
        case 'text:soft-page-break':
          break
        default:
          // Fields (dates, page numbers, references) keep the text they show.
          if (el.nodeName.startsWith('text:')) {
            noteDropped(this.source, WarningCode.fields)
            this.inlines(el, marks, out)
          }
          break
      }
    }
  }
}

/** An .odt → source blocks, comments, footnotes and tracked changes. */
export const readOdt = (bytes: Uint8Array, limits: PackageLimits): SourceDocument => {
  const pkg = readPackage(
    bytes,
    (name) => ['mimetype', 'content.xml', 'styles.xml', 'META-INF/manifest.xml'].includes(name),
    limits,
  )
  const mime = partText(pkg, 'mimetype')?.trim()
  if (mime !== ODT_MIME)
    throw new ImportError(ImportRefusal.notWhatItSays, 'not an OpenDocument text')
  const manifest = partText(pkg, 'META-INF/manifest.xml')
  if (manifest?.includes('encryption-data')) throw new ImportError(ImportRefusal.passwordProtected)
  const contentText = partText(pkg, 'content.xml')
  if (contentText === undefined)
    throw new ImportError(ImportRefusal.brokenPackage, 'content.xml is missing')
  const content = parseXml(contentText, 'content.xml')
  const stylesText = partText(pkg, 'styles.xml')
  const styles = stylesText === undefined ? undefined : parseXml(stylesText, 'styles.xml')
  const source = emptySource()
  const roots = [styles, content]
  const reader = new OdtBody(
    source,
    readTextStyles(roots),
    readHeadingStyles(roots),
    readNumberedLists(roots),
  )
  const body = childElements(content).find((el) => el.nodeName === 'office:body')
  const text = body && childElements(body).find((el) => el.nodeName === 'office:text')
  if (!text) throw new ImportError(ImportRefusal.notWhatItSays, 'no text body')
  // Tracked changes come first in office:text; read them before the text that refers to them.
  const tracked = childElements(text).find((el) => el.nodeName === 'text:tracked-changes')
  if (tracked) reader.readTrackedChanges(tracked)
  source.blocks = reader.blocks(text)
  return source
}
