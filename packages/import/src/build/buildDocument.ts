import { ClauseNode, newClauseId, TableNode } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Inline, SourceDocument, SourceParagraph, SourceTable } from '../SourceDocument.js'
import { detectClauses, type ParagraphRole, plainText } from './detectClauses.js'
import { flattenBlocks } from './flattenBlocks.js'
import { type CommentRange, InlineWriter } from './InlineWriter.js'
import { ListNesting } from './ListNesting.js'

/** A heading's text, as opposed to a numbered sentence of body text ("1. Каждый имеет право…."). */
const HEADING_MAX = 160
const isHeadingLike = (text: string): boolean =>
  text.length <= HEADING_MAX && !/[.;,]["»”)]?$/u.test(text.trim())

/** Drops the first `n` characters (a clause number that the document computes) and leading spaces. */
const dropLeading = (inlines: readonly Inline[], n: number): Inline[] => {
  const out: Inline[] = []
  let rest = n
  let leading = true
  for (const inline of inlines) {
    if (inline.type === 'text' && (rest > 0 || leading)) {
      let text = inline.text.slice(Math.min(rest, inline.text.length))
      rest -= Math.min(rest, inline.text.length)
      if (rest === 0) {
        text = text.replace(/^\s+/u, '')
        if (text !== '') leading = false
      }
      if (text !== '') out.push({ ...inline, text })
      continue
    }
    if (inline.type === 'break' && rest > 0) {
      rest--
      continue
    }
    if (inline.type === 'text' || inline.type === 'break') leading = false
    out.push(inline)
  }
  return out
}

type Container = JSONContent & { content: JSONContent[] }

export interface BuiltDocument {
  content: JSONContent
  comments: CommentRange[]
  counts: { clauses: number; suggestions: number; tables: number; footnotes: number }
}

/**
 * The Accord document of a source: a preamble, then clauses and sub-clauses as
 * `detectClauses` decides, with headings, paragraphs and lists kept in place.
 */
export const buildDocument = (source: SourceDocument, now: string): BuiltDocument => {
  const { paragraphs, tables, footnotes } = flattenBlocks(source)
  const roles = detectClauses(paragraphs)
  const writer = new InlineWriter(source.comments, source.footnotes, now)
  const top: JSONContent[] = []
  let clause: Container | null = null
  let sub: Container | null = null
  const lists = new ListNesting()
  let clauses = 0

  const container = (): JSONContent[] => (sub ?? clause)?.content ?? top
  const textBlock = (json: JSONContent, inlines: readonly Inline[]): JSONContent => {
    writer.write(json, inlines)
    return json
  }
  const paragraphJSON = (inlines: readonly Inline[]) => textBlock({ type: 'paragraph' }, inlines)
  /** A table of the document's own: each cell's paragraphs, formatting, comments and changes kept. */
  const tableJSON = (table: SourceTable): JSONContent => ({
    type: TableNode.table,
    content: table.rows.map((row) => ({
      type: TableNode.row,
      content: row.map((cell) => ({
        type: cell.header ? TableNode.header : TableNode.cell,
        attrs: { colspan: cell.colspan, rowspan: cell.rowspan },
        content:
          cell.paragraphs.length > 0
            ? cell.paragraphs.map((p) => paragraphJSON(p.inlines))
            : [{ type: 'paragraph' }],
      })),
    })),
  })

  const openNumbered = (kind: 'clause' | 'sub', paragraph: SourceParagraph, strip: number) => {
    lists.close()
    const inlines = dropLeading(paragraph.inlines, strip)
    const text = plainText({ ...paragraph, inlines })
    // A heading style or a short title is the clause's heading; a numbered sentence is its body.
    const asHeading = paragraph.heading !== undefined || isHeadingLike(text)
    const heading = textBlock({ type: ClauseNode.heading }, asHeading ? inlines : [])
    const json: Container = {
      type: kind === 'clause' ? ClauseNode.clause : ClauseNode.subclause,
      attrs: { id: newClauseId() },
      content: [heading],
    }
    if (!asHeading || text === '') json.content.push(paragraphJSON(asHeading ? [] : inlines))
    clauses++
    if (kind === 'sub' && clause) {
      clause.content.push(json)
      sub = json
    } else {
      top.push(json)
      clause = json
      sub = null
    }
  }

  paragraphs.forEach((paragraph, index) => {
    const table = tables.get(index)
    if (table) {
      lists.close()
      if (table.rows.length > 0) container().push(tableJSON(table))
      return
    }
    const role: ParagraphRole = roles[index] ?? { role: 'none' }
    if (role.role === 'clause' || role.role === 'sub') {
      openNumbered(role.role, paragraph, role.strip)
      return
    }
    if (role.role === 'deep') {
      lists.close()
      const label: Inline[] = role.label
        ? [{ type: 'text', text: `${role.label} `, marks: {} }]
        : []
      container().push(paragraphJSON([...label, ...paragraph.inlines]))
      return
    }
    if (paragraph.heading !== undefined) {
      // A heading that is not a clause (a chapter between articles, the title) stands between clauses.
      lists.close()
      if (clause && paragraph.heading <= 2) {
        clause = null
        sub = null
      }
      const level = Math.min(3, Math.max(1, paragraph.heading))
      container().push(textBlock({ type: 'heading', attrs: { level } }, paragraph.inlines))
      return
    }
    if (paragraph.numbering) {
      lists.add(container(), paragraph.numbering, paragraphJSON(paragraph.inlines))
      return
    }
    lists.close()
    // Empty paragraphs (Word's spacing) are dropped, unless a comment starts or ends there.
    if (
      paragraph.inlines.every(
        (i) => (i.type === 'text' && i.text.trim() === '') || i.type === 'break',
      )
    )
      return
    container().push(paragraphJSON(paragraph.inlines))
  })

  if (top.length === 0) top.push({ type: 'paragraph' })
  return {
    content: { type: 'doc', content: top },
    comments: [...writer.ranges.values()],
    counts: { clauses, suggestions: writer.suggestions, tables: tables.size, footnotes },
  }
}
