import { clauseEntries, structuralChanges } from '@accord/diff'
import { canChangeSettings, ErrorCode, type StructuralChange } from '@accord/protocol'
import type { ApplyStructureRequest } from '@accord/protocol/requests'
import { conflict, forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { adoptedText } from './adoptedText.js'
import { addClause, deleteClause, moveClause } from './structureEdits.js'
import { translationOf } from './translationOf.js'

const notPending = (id: string) =>
  conflict(
    `The change ${id} is not pending any more: someone applied it, or the source changed`,
    ErrorCode.changeNotPending,
  )

/**
 * Applies pending structural changes of the source to a translation: the ones named, or
 * all. Never silently: only on request, by whoever may change the translation's structure
 * (as for its settings: members and up, not a member in review, not on a final text).
 *
 * From reading the translation to writing it, everything runs synchronously on the live
 * Y.Doc, so two people applying at once are served one after the other: the second finds
 * the change applied (409 `change_not_pending` for a named one; nothing left for `all`).
 * All named changes are checked first, so a request applies all of them or none.
 */
export const applyStructuralChanges = async (
  ctx: DocumentsContext,
  actor: Actor,
  translationId: string,
  request: ApplyStructureRequest,
): Promise<{ applied: StructuralChange[] }> => {
  const { translation, source } = await translationOf(ctx, translationId)
  if (!canChangeSettings(actor.role, translation.status))
    throw forbidden('Your role cannot change the structure of this translation now')
  const sourceText = await ctx.live.read(source.id, adoptedText)
  const sourceEntries = clauseEntries(sourceText.content)
  const applied = await ctx.live.changeInSteps(translation.id, 'structure', (live, step) => {
    const target = adoptedText(live).content
    const pending = structuralChanges(sourceText.content, target)
    const byId = new Map(pending.map((change) => [change.id, change]))
    for (const id of request.ids ?? []) if (!byId.has(id)) throw notPending(id)
    const wanted = request.all
      ? pending
      : [...new Set(request.ids)].map((id) => byId.get(id) as StructuralChange)
    const present = new Set(clauseEntries(target).map((entry) => entry.id))
    const adding = new Set(wanted.filter((c) => c.kind === 'add').map((c) => c.clauseId))
    const placed = sourceEntries.filter((entry) =>
      wanted.some((c) => c.clauseId === entry.id && c.kind !== 'delete'),
    )
    for (const entry of placed) {
      if (entry.parentId !== null && !present.has(entry.parentId) && !adding.has(entry.parentId)) {
        throw conflict(
          `Clause ${entry.number} belongs to a clause the translation does not have yet: add that clause too`,
        )
      }
    }
    // In source order, each after the clause before it, so the order comes out as the source's.
    for (const entry of placed) {
      if (adding.has(entry.id)) addClause(live.doc, step, entry, sourceEntries)
      else moveClause(live.doc, step, entry, sourceEntries)
    }
    for (const change of wanted) {
      if (change.kind === 'delete') deleteClause(live.doc, step, change.clauseId)
    }
    return wanted
  })
  if (applied.length > 0) {
    await ctx.audit.record({
      userId: actor.id,
      action: 'translation.structureApplied',
      documentId: translation.id,
      details: { sourceDocumentId: source.id, changes: applied.map((c) => c.id) },
    })
  }
  return { applied }
}
