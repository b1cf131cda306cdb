import { canDecideComments } from '@accord/protocol'
import type { SuggestionDispositionRequest } from '@accord/protocol/requests'
import { listSuggestions } from '@accord/schema'
import { forbidden, notFound } from '../../errors/DomainError.js'
import type { SuggestionDisposition } from '../../store/SuggestionDispositionStore.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { bodyOf } from '../suggestions/applyDecisions.js'

/**
 * Records (or withdraws, with null) the group's decision and reason on a suggestion, for the
 * compilation of comments (coordinators and the secretariat; audited). The suggestion must be
 * in the text, or already have a decision on record; what it is now is kept with the decision.
 */
export const setSuggestionDisposition = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  suggestionId: string,
  { disposition }: SuggestionDispositionRequest,
): Promise<SuggestionDisposition | null> => {
  const doc = await documentOf(ctx, documentId)
  if (!canDecideComments(actor.role)) {
    throw forbidden('Only a coordinator or the secretariat may record a decision on a suggestion')
  }
  const live = await ctx.live.read(doc.id, ({ doc: ydoc }) =>
    listSuggestions(bodyOf(ydoc)).find((s) => s.id === suggestionId),
  )
  const recorded = await ctx.suggestionDispositions.get(doc.id, suggestionId)
  if (!live && !recorded) throw notFound('Unknown suggestion')
  if (disposition) {
    const suggestion = live
      ? {
          kind: live.kind,
          deleted: live.deleted,
          inserted: live.inserted,
          clauseId: live.clauseId,
          authorId: live.authorId,
          authorName: live.authorName,
          at: live.at,
        }
      : (recorded as SuggestionDisposition).suggestion
    await ctx.suggestionDispositions.set(doc.id, suggestionId, disposition, suggestion, actor.id)
  } else {
    await ctx.suggestionDispositions.remove(doc.id, suggestionId)
  }
  await ctx.audit.record({
    userId: actor.id,
    action: 'suggestion.decided',
    documentId: doc.id,
    details: { suggestionId, decision: disposition?.decision ?? null, reason: disposition?.reason },
  })
  const stored = (await ctx.suggestionDispositions.get(doc.id, suggestionId)) ?? null
  // Everyone with the document open sees the decision at once, as with threads.
  ctx.events.publish(doc.id, {
    type: 'suggestionDecided',
    suggestionId,
    disposition: stored && { decision: stored.decision, reason: stored.reason },
  })
  return stored
}
