import { type DecideSuggestionsResponse, ErrorCode } from '@accord/protocol'
import type { ResolveSuggestionsRequest } from '@accord/protocol/requests'
import { conflict } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { applyDecisions, brief } from './applyDecisions.js'
import { mayDecide } from './mayDecide.js'

/**
 * Accepts or rejects suggestions chosen by ids, clause, author or all, as one ordinary change
 * of the live document; audited. Suggestions named by id and all gone already (decided or
 * withdrawn by someone else) are `suggestion_resolved`.
 */
export const decideSuggestions = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  request: ResolveSuggestionsRequest,
): Promise<DecideSuggestionsResponse> => {
  const doc = await documentOf(ctx, documentId)
  mayDecide(actor.role, doc.status)
  const ids = new Set(request.ids ?? [])
  const outcome = await ctx.live.change(doc.id, 'suggestions', (live) => {
    // Again on the live document, in the same step as the write: it may have become final meanwhile.
    mayDecide(actor.role, live.status)
    return applyDecisions(live.doc, (s) => {
      const chosen =
        request.all === true ||
        ids.has(s.id) ||
        (request.authorId !== undefined && s.authorId === request.authorId) ||
        (request.clauseId !== undefined &&
          (s.clauseId === request.clauseId || s.parentClauseId === request.clauseId))
      return chosen ? request.decision : undefined
    })
  })
  const done = [...outcome.accepted, ...outcome.rejected]
  const missing = [...ids].filter((id) => !done.some((s) => s.id === id))
  if (request.ids && done.length === 0) {
    throw conflict(
      'Already accepted or rejected (or withdrawn) by someone else',
      ErrorCode.suggestionResolved,
      { missing },
    )
  }
  if (done.length > 0) {
    await ctx.audit.record({
      userId: actor.id,
      action: request.decision === 'accept' ? 'suggestion.accepted' : 'suggestion.rejected',
      documentId: doc.id,
      details: {
        suggestions: done.map(brief),
        by: request.ids ? 'ids' : request.clauseId ? 'clause' : request.authorId ? 'author' : 'all',
        ...(request.clauseId ? { clauseId: request.clauseId } : {}),
        ...(request.authorId ? { authorId: request.authorId } : {}),
      },
    })
  }
  return { decision: request.decision, resolved: done.map((s) => s.id), missing }
}
