import { ErrorCode, type Finalization, VersionOrigin } from '@accord/protocol'
import type { OpenItemsDecision } from '@accord/protocol/requests'
import { docToJSON } from '@accord/schema'
import * as Y from 'yjs'
import { conflict } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { applyDecisions } from '../suggestions/applyDecisions.js'
import { countOf, openCommentsOf, openItemsOf, openSuggestion } from './openItemsOf.js'

/**
 * Before a document is made final: with suggestions or comments still open, the request must
 * say what becomes of them, else `open_items` (409) with their counts, and nothing changes.
 */
export const requireDecisionOnOpenItems = async (
  ctx: DocumentsContext,
  documentId: string,
  decision: OpenItemsDecision | undefined,
): Promise<void> => {
  if (decision) return
  const counts = countOf(await openItemsOf(ctx, documentId))
  if (counts.suggestions + counts.comments === 0) return
  throw conflict(
    `Still open: ${counts.suggestions} suggestion(s), ${counts.comments} comment(s). Resolve them, or finalize with openItems {decision: "appendix"} or {decision: "finalizeAnyway", reason}`,
    ErrorCode.openItems,
    counts,
  )
}

/**
 * Once the status is final (no person can change the text any more): takes the suggestions
 * still in the text out of it, since nobody may decide them on a final text, keeps the text as
 * the version "Final" and records the decision. What was open is kept as the appendix when so
 * decided, and also when it turned up between the check and the status change (so nothing
 * typed in that moment is lost without a decision).
 */
export const finalizeText = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  decision: OpenItemsDecision | undefined,
): Promise<{
  decision: Finalization['decision']
  reason: string | null
  suggestions: number
  comments: number
}> => {
  // Withdrawn and kept in one synchronous step on the live copy, so nothing falls between.
  const { withdrawn, state, content } = await ctx.live.change(
    documentId,
    'suggestions',
    (live) => ({
      withdrawn: applyDecisions(live.doc, () => 'reject').rejected,
      state: Y.encodeStateAsUpdate(live.doc),
      content: docToJSON(live.doc),
    }),
  )
  const open = {
    suggestions: withdrawn.map(openSuggestion),
    comments: await openCommentsOf(ctx, documentId),
  }
  const version = await ctx.versions.create({
    documentId,
    name: 'Final',
    note: null,
    kind: 'named',
    state,
    content,
    userId: actor.id,
    origin: { kind: VersionOrigin.final },
  })
  ctx.events.publish(documentId, { type: 'version', version })
  const anythingOpen = open.suggestions.length + open.comments.length > 0
  const chosen: Finalization['decision'] =
    decision?.decision ?? (anythingOpen ? 'appendix' : 'none')
  const finalization = {
    documentId,
    versionId: version.id,
    decision: chosen,
    reason: decision?.decision === 'finalizeAnyway' ? decision.reason : null,
    appendix: chosen === 'appendix' && anythingOpen ? open : null,
  }
  await ctx.finalizations.record({ ...finalization, userId: actor.id })
  return { decision: chosen, reason: finalization.reason, ...countOf(open) }
}
