import type { RolloutResponse } from '@accord/protocol'
import type { RolloutRequest } from '@accord/protocol/requests'
import { docToJSON, listSuggestions } from '@accord/schema'
import * as Y from 'yjs'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { applyDecisions, bodyOf, brief } from './applyDecisions.js'
import { mayDecide } from './mayDecide.js'

/**
 * A rollout: accepts `accept`, rejects `reject`, carries every other suggestion over, and
 * keeps the result as a named version, in one step; audited as a rollout and a new version.
 */
export const rollOut = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  request: RolloutRequest,
): Promise<RolloutResponse> => {
  const doc = await documentOf(ctx, documentId)
  mayDecide(actor.role, doc.status)
  const accept = new Set(request.accept)
  const reject = new Set(request.reject)
  // Deciding and taking the snapshot in one synchronous step: no edit can fall between.
  const { outcome, state, content, carriedOver } = await ctx.live.change(
    doc.id,
    'suggestions',
    (live) => {
      mayDecide(actor.role, live.status)
      const outcome = applyDecisions(live.doc, (s) =>
        accept.has(s.id) ? 'accept' : reject.has(s.id) ? 'reject' : undefined,
      )
      return {
        outcome,
        state: Y.encodeStateAsUpdate(live.doc),
        content: docToJSON(live.doc),
        carriedOver: listSuggestions(bodyOf(live.doc)).map((s) => s.id),
      }
    },
  )
  const decided = new Set([...outcome.accepted, ...outcome.rejected].map((s) => s.id))
  const missing = [...accept, ...reject].filter((id) => !decided.has(id))
  const version = await ctx.versions.create({
    documentId: doc.id,
    name: request.name,
    note: request.note ?? null,
    userId: actor.id,
    kind: 'named',
    state,
    content,
  })
  ctx.events.publish(doc.id, { type: 'version', version })
  await ctx.audit.record({
    userId: actor.id,
    action: 'suggestion.rollout',
    documentId: doc.id,
    details: {
      versionId: version.id,
      name: version.name,
      accepted: outcome.accepted.map(brief),
      rejected: outcome.rejected.map(brief),
      carriedOver,
    },
  })
  await ctx.audit.record({
    userId: actor.id,
    action: 'version.created',
    documentId: doc.id,
    details: { versionId: version.id, name: version.name },
  })
  return {
    version,
    accepted: outcome.accepted.map((s) => s.id),
    rejected: outcome.rejected.map((s) => s.id),
    carriedOver,
    missing,
  }
}
