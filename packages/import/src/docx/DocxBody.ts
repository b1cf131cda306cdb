import type { Element } from '@xmldom/xmldom'
import { childElements, child as firstChild } from '../package/parseXml.js'
import {
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
import type { DocxNumbering } from './DocxNumbering.js'
import type { StyleNumbering } from './DocxStyles.js'

/** Word's built-in List Bullet 2-5 and List Number 2-5 styles (their `w:name`, English everywhere). */
const BUILT_IN_LIST_STYLE = /^List (?:Bullet|Number) ([2-5])$/i

export interface DocxContext {
  source: SourceDocument
  headingStyles: Map<string, number>
  /** Paragraph styles by id: their names, and the numbering of those that number. */
  styleNumbering: Map<string, StyleNumbering>
  numbering: DocxNumbering
  /** Hyperlink relationship ids → their targets. */
  links: Map<string, string>
  /** Comment ids that are replies: their ranges are the parent's, not marked again. */
  replies: ReadonlySet<string>
  /** Comment ids with a range (`w:commentRangeStart`) in the document. */
  ranged: ReadonlySet<string>
}

/** `<w:b/>`, `<w:b w:val="true"/>` are on; `w:val` "0", "false", "off" are off. */
const toggle = (el: Element | undefined): boolean => {
  if (!el) return false
  const val = el.getAttribute('w:val')
  return val === null || val === '' || !['0', 'false', 'off', 'none'].includes(val)
}

const runMarks = (rPr: Element | undefined, inherited: RunMarks): RunMarks => {
  if (!rPr) return inherited
  const marks: RunMarks = { ...inherited }
  if (toggle(firstChild(rPr, 'w:b'))) marks.bold = true
  if (toggle(firstChild(rPr, 'w:i'))) marks.italic = true
  if (toggle(firstChild(rPr, 'w:u'))) marks.underline = true
  if (toggle(firstChild(rPr, 'w:strike')) || toggle(firstChild(rPr, 'w:dstrike')))
    marks.strike = true
  return marks
}

const trackedChange = (el: Element, kind: TrackedChange['kind']): TrackedChange => {
  const date = el.getAttribute('w:date') ?? undefined
  return {
    kind,
    key: `${kind}-${el.getAttribute('w:id') ?? ''}`,
    author: el.getAttribute('w:author') || '?',
    ...(date ? { date } : {}),
  }
}

/**
 * Walks `w:body` (and table cells, footnotes, comments) into source blocks: paragraphs with
 * their heading style and list numbering, runs with their formatting, tracked insertions and
 * deletions (`w:ins`, `w:del`, moves), comment ranges and footnote references. What the
 * document cannot hold (drawings, text boxes, embedded objects) is counted as dropped; a
 * field keeps its shown result as text.
 */
export class DocxBody {
  constructor(private readonly ctx: DocxContext) {}

  /**
   * The blocks of a container (the body, a cell). A comment range may start or end between
   * paragraphs (Word allows its markers beside paragraphs as well as in them): a start there
   * begins with the next paragraph, an end ends with the one before.
   */
  blocks(container: Element): SourceBlock[] {
    const out: SourceBlock[] = []
    let starts: Inline[] = []
    const add = (...blocks: SourceBlock[]) => {
      const first = paragraphsOf(blocks)[0]
      if (first && starts.length > 0) {
        first.inlines.unshift(...starts)
        starts = []
      }
      out.push(...blocks)
    }
    for (const el of childElements(container)) {
      switch (el.nodeName) {
        case 'w:p':
          add(this.paragraph(el))
          break
        case 'w:tbl':
          add(this.table(el))
          break
        case 'w:sdt': {
          const content = firstChild(el, 'w:sdtContent')
          if (content) add(...this.blocks(content))
          break
        }
        case 'w:customXml':
        case 'w:ins':
        case 'w:moveTo':
          add(...this.blocks(el))
          break
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd': {
          const marker = this.commentMarker(el)
          const before = paragraphsOf(out).at(-1)
          if (!marker) break
          if (marker.type === 'commentEnd' && before && starts.length === 0)
            before.inlines.push(marker)
          else starts.push(marker)
          break
        }
        default:
          break
      }
    }
    // A range that starts after the last paragraph here starts at its end.
    paragraphsOf(out)
      .at(-1)
      ?.inlines.push(...starts)
    return out
  }

  /** A comment range's start or end; none for a reply, whose range is its comment's. */
  private commentMarker(el: Element): Inline | undefined {
    const id = el.getAttribute('w:id') ?? ''
    if (this.ctx.replies.has(id)) return undefined
    return { type: el.nodeName === 'w:commentRangeStart' ? 'commentStart' : 'commentEnd', id }
  }

  private table(tbl: Element): SourceBlock {
    const rows: SourceCell[][] = []
    // The cell that a vertical merge started, by grid column: continuation cells add a row to it.
    const merging = new Map<number, SourceCell>()
    for (const tr of childElements(tbl)) {
      if (tr.nodeName !== 'w:tr') continue
      const header = childElements(tr).some(
        (el) =>
          el.nodeName === 'w:trPr' &&
          toggle(childElements(el).find((p) => p.nodeName === 'w:tblHeader')),
      )
      const cells: SourceCell[] = []
      let column = 0
      for (const tc of childElements(tr)) {
        if (tc.nodeName !== 'w:tc') continue
        const props = childElements(tc).find((el) => el.nodeName === 'w:tcPr')
        const prop = (name: string) =>
          props ? childElements(props).find((el) => el.nodeName === name) : undefined
        const gridSpan = prop('w:gridSpan')?.getAttribute('w:val')
        const vMerge = prop('w:vMerge')
        const cell = sourceCell(paragraphsOf(this.blocks(tc)), header, gridSpan)
        const above = merging.get(column)
        if (vMerge && vMerge.getAttribute('w:val') !== 'restart' && above) above.rowspan += 1
        else {
          cells.push(cell)
          if (vMerge) merging.set(column, cell)
          else merging.delete(column)
        }
        column += cell.colspan
      }
      rows.push(cells)
    }
    return { type: 'table', rows }
  }

  paragraph(p: Element): SourceParagraph {
    const pPr = firstChild(p, 'w:pPr')
    const paragraph: SourceParagraph = { type: 'paragraph', inlines: [] }
    if (pPr) {
      const styleId = firstChild(pPr, 'w:pStyle')?.getAttribute('w:val')
      const heading = styleId ? this.ctx.headingStyles.get(styleId) : undefined
      const outline = firstChild(pPr, 'w:outlineLvl')?.getAttribute('w:val')
      if (heading !== undefined) paragraph.heading = heading
      else if (outline && Number(outline) <= 5) paragraph.heading = Number(outline) + 1
      // A heading style's numbering is the outline's (1, 1.1 of chapters), not a list.
      const counted = this.listNumbering(
        pPr,
        heading === undefined ? (styleId ?? undefined) : undefined,
      )
      if (counted) paragraph.numbering = counted
      if (firstChild(pPr, 'w:pPrChange')) noteDropped(this.ctx.source, WarningCode.formatChanges)
    }
    this.inlines(p, {}, paragraph.inlines)
    return paragraph
  }

  /**
   * A paragraph's list numbering: its own `w:numPr`, else its style's (`w:numId` "0" switches
   * numbering off). Without a level of its own or its style's, the level the list binds to
   * the style. A paragraph at level 0 of Word's List Bullet N or List Number N style (each a
   * list of its own, one level, indented a step per N) stands at level N-1, nested as a
   * reader sees it.
   */
  private listNumbering(pPr: Element, styleId: string | undefined): Numbering | undefined {
    const style = styleId === undefined ? undefined : this.ctx.styleNumbering.get(styleId)
    const numPr = firstChild(pPr, 'w:numPr')
    const ownList = numPr && firstChild(numPr, 'w:numId')?.getAttribute('w:val')
    const ownLevel = numPr && firstChild(numPr, 'w:ilvl')?.getAttribute('w:val')
    const numId = ownList ?? style?.numId
    if (numId === undefined) return undefined
    let ilvl: number
    if (ownLevel !== null && ownLevel !== undefined) ilvl = Number(ownLevel)
    else if (style?.ilvl !== undefined) ilvl = style.ilvl
    else {
      ilvl = (styleId && this.ctx.numbering.styleLevel(numId, styleId)) || 0
    }
    // Word has levels 0-8; anything else is a broken file's, read as the outermost.
    const level = Number.isInteger(ilvl) && ilvl >= 0 && ilvl <= 8 ? ilvl : 0
    const counted = this.ctx.numbering.next(numId, level)
    const step = style && BUILT_IN_LIST_STYLE.exec(style.name)
    const shown = step && level === 0 ? Number(step[1]) - 1 : level
    return counted ? { level: shown, ...counted } : undefined
  }

  private inlines(container: Element, marks: RunMarks, out: Inline[]): void {
    for (const el of childElements(container)) {
      switch (el.nodeName) {
        case 'w:r':
          this.run(el, marks, out)
          break
        case 'w:hyperlink': {
          const rel = el.getAttribute('r:id')
          const anchor = el.getAttribute('w:anchor')
          const href = rel ? this.ctx.links.get(rel) : anchor ? `#${anchor}` : undefined
          this.inlines(el, href ? { ...marks, link: href } : marks, out)
          break
        }
        case 'w:ins':
        case 'w:moveTo':
          this.inlines(el, { ...marks, change: trackedChange(el, 'insertion') }, out)
          break
        case 'w:del':
        case 'w:moveFrom':
          this.inlines(el, { ...marks, change: trackedChange(el, 'deletion') }, out)
          break
        case 'w:commentRangeStart':
        case 'w:commentRangeEnd': {
          const marker = this.commentMarker(el)
          if (marker) out.push(marker)
          break
        }
        case 'w:sdt': {
          const content = firstChild(el, 'w:sdtContent')
          if (content) this.inlines(content, marks, out)
          break
        }
        case 'w:fldSimple':
          noteDropped(this.ctx.source, WarningCode.fields)
          this.inlines(el, marks, out)
          break
        case 'w:smartTag':
        case 'w:customXml':
          this.inlines(el, marks, out)
          break
        case 'mc:AlternateContent':
          noteDropped(this.ctx.source, WarningCode.textBoxes)
          break
        default:
          break
      }
    }
  }

  /** A field's instructions are hidden; its shown result (between `separate` and `end`) is kept. */
  private inFieldCode = false

  private run(r: Element, inherited: RunMarks, out: Inline[]): void {
    const rPr = firstChild(r, 'w:rPr')
    const marks = runMarks(rPr, inherited)
    if (rPr && firstChild(rPr, 'w:rPrChange'))
      noteDropped(this.ctx.source, WarningCode.formatChanges)
    const text = (value: string) => {
      if (value === '' || this.inFieldCode) return
      const last = out[out.length - 1]
      if (last?.type === 'text' && last.marks === marks) last.text += value
      else out.push({ type: 'text', text: value, marks })
    }
    for (const el of childElements(r)) {
      switch (el.nodeName) {
        case 'w:t':
        case 'w:delText':
          text(el.textContent ?? '')
          break
        case 'w:tab':
        case 'w:ptab':
          text('\t')
          break
        case 'w:noBreakHyphen':
          text('\u2011')
          break
        case 'w:softHyphen':
          break
        case 'w:br':
        case 'w:cr':
          if (el.getAttribute('w:type') === 'page' || el.getAttribute('w:type') === 'column') break
          if (!this.inFieldCode) out.push({ type: 'break', marks })
          break
        case 'w:fldChar': {
          const kind = el.getAttribute('w:fldCharType')
          if (kind === 'begin') {
            this.inFieldCode = true
            noteDropped(this.ctx.source, WarningCode.fields)
          } else this.inFieldCode = false
          break
        }
        case 'w:commentReference': {
          // A comment with no range marks only this point: it takes its paragraph. One with a
          // range ends where its range does, which may be after this (between paragraphs).
          const id = el.getAttribute('w:id') ?? ''
          if (!this.ctx.replies.has(id) && !this.ctx.ranged.has(id))
            out.push({ type: 'commentStart', id }, { type: 'commentEnd', id })
          break
        }
        case 'w:footnoteReference':
        case 'w:endnoteReference':
          out.push({
            type: 'noteRef',
            id: `${el.nodeName === 'w:footnoteReference' ? 'f' : 'e'}${el.getAttribute('w:id') ?? ''}`,
          })
          break
        case 'w:drawing':
        case 'w:pict':
          noteDropped(this.ctx.source, WarningCode.images)
          break
        case 'w:object':
          noteDropped(this.ctx.source, WarningCode.embedded)
          break
        case 'mc:AlternateContent':
          noteDropped(this.ctx.source, WarningCode.textBoxes)
          break
        default:
          break
      }
    }
  }
}
