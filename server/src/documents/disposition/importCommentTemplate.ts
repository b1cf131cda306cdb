import {
  COMMENT_TYPES,
  type CommentType,
  canDecideComments,
  type DispositionImportReport,
} from '@accord/protocol'
import { numberedClauses } from '@accord/schema'
import { forbidden } from '../../errors/DomainError.js'
import { publishThread } from '../comments/threadOf.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { bodyOf } from '../suggestions/applyDecisions.js'
import { clauseAnchor } from './clauseAnchor.js'

/** The template's codes and the words people write instead, for each type. */
const TYPE_WORDS: Record<CommentType, string[]> = {
  general: ['ge', 'general', 'общее', 'общий', 'об'],
  technical: ['te', 'technical', 'техническое', 'технический', 'тех'],
  editorial: ['ed', 'editorial', 'редакционное', 'редакционный', 'ред'],
}
const TYPE_OF = new Map(
  COMMENT_TYPES.flatMap((type) => TYPE_WORDS[type].map((word) => [word, type] as const)),
)
/** What a clause cell holds for a comment on the whole document. */
const GENERAL = new Set(['general', 'общее', 'общие', 'all', 'весь документ', 'в целом'])
const MAX_COMMENT = 10_000

/** '3.1', 'п. 3.1.', 'Clause 3.1' → '3.1'; other text is kept (lower case) as it is. */
const clauseNumberOf = (cell: string): string => {
  const number = cell.match(/\d+(?:\.\d+)*/)
  return number ? number[0] : cell.trim().toLowerCase()
}

/**
 * Imports a filled-in compilation template (DOCX or XLSX) as typed comments, each on the
 * clause its row names by number (coordinators and the secretariat; audited). Rows that name
 * no clause of the text, or have no comment, are reported and not imported.
 */
export const importCommentTemplate = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  file: Uint8Array,
): Promise<DispositionImportReport> => {
  const doc = await documentOf(ctx, documentId)
  if (!canDecideComments(actor.role)) {
    throw forbidden('Only a coordinator or the secretariat may import members’ comments')
  }
  // Loaded when first used: its readers (ExcelJS, a DOM, the export package's headings) would
  // otherwise take tens of megabytes in every server process that never imports a template.
  const { readCommentTemplate } = await import('./readCommentTemplate.js')
  const rows = await readCommentTemplate(file)
  const report: DispositionImportReport = { created: 0, threads: [], unplaced: [] }
  type Placed = Parameters<typeof ctx.comments.create>[0]
  const placed: Placed[] = []
  await ctx.live.read(doc.id, ({ doc: ydoc }) => {
    const idOf = new Map(
      numberedClauses(bodyOf(ydoc)).map((c) => [c.number, String(c.node.attrs.id ?? '')]),
    )
    for (const { row, cells } of rows) {
      const clause = cells.clause ?? ''
      const comment = cells.comment ?? ''
      if (Object.values(cells).every((cell) => !cell)) continue
      const unplaced = (reason: string) => report.unplaced.push({ row, clause, reason })
      if (!comment) {
        unplaced('no comment')
        continue
      }
      if (comment.length > MAX_COMMENT || (cells.proposedChange ?? '').length > MAX_COMMENT) {
        unplaced(`longer than ${MAX_COMMENT} characters`)
        continue
      }
      const typeCell = (cells.type ?? '').trim().toLowerCase()
      const type = typeCell === '' ? 'general' : TYPE_OF.get(typeCell)
      if (!type) {
        unplaced(`unknown type "${cells.type}" (use ge, te or ed)`)
        continue
      }
      const number = clauseNumberOf(clause)
      const general = number === '' || GENERAL.has(number)
      const clauseId = general ? null : idOf.get(number)
      if (clauseId === undefined) {
        unplaced(`no clause ${clause} in the text`)
        continue
      }
      const anchored = clauseAnchor(ydoc, clauseId)
      if (!anchored) {
        unplaced(`no clause ${clause} in the text`)
        continue
      }
      const name = cells.author || cells.organization || ''
      placed.push({
        documentId: doc.id,
        userId: actor.id,
        body: comment,
        quote: (cells.paragraph || anchored.quote).slice(0, 2_000),
        anchor: anchored.anchor,
        clauseId,
        type,
        proposedChange: cells.proposedChange || null,
        ...(name ? { submittedBy: { name, organization: cells.organization || null } } : {}),
      })
    }
  })
  for (const input of placed) {
    const thread = await ctx.comments.create(input)
    report.threads.push(thread.id)
    await publishThread(ctx, doc.id, thread.id)
  }
  report.created = report.threads.length
  await ctx.audit.record({
    userId: actor.id,
    action: 'comment.imported',
    documentId: doc.id,
    details: { created: report.created, unplaced: report.unplaced.length },
  })
  return report
}
