import { canResolveSuggestions, ErrorCode } from '@accord/protocol'
import { docToJSON, listSuggestions, type SuggestionSummary } from '@accord/schema'
import { Router } from 'express'
import * as Y from 'yjs'
import { decideSuggestions, liveDocument } from '../../../services/suggestions/decideSuggestions.js'
import type { AppDeps } from '../../AppDeps.js'
import { forbidden, HttpError, notFound } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'
import { resolveSuggestionsRequest, rolloutRequest } from './schema.js'

const brief = (s: SuggestionSummary) => ({ id: s.id, authorId: s.authorId, kind: s.kind })

/**
 * Suggestions live in the text (marks and block attributes, see @accord/schema); these
 * routes list them and let coordinators and the secretariat accept, reject and roll them
 * out. Every decision is one ordinary change of the live document, written to the audit log.
 */
export const suggestionsRouter = (deps: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/suggestions'

  const documentOf = async (rawId: unknown) => {
    const doc = await deps.catalog.get(parseId(rawId))
    if (!doc) throw notFound('Unknown document')
    return doc
  }
  const mayDecide = (
    role: Parameters<typeof canResolveSuggestions>[0],
    status: Parameters<typeof canResolveSuggestions>[1],
  ) => {
    if (status === 'final') {
      throw new HttpError(
        409,
        ErrorCode.documentFinal,
        'A final document cannot be changed; reopen it first',
      )
    }
    if (!canResolveSuggestions(role, status)) {
      throw forbidden('Only coordinators and the secretariat accept or reject suggestions')
    }
  }

  router.get(base, async (req, res) => {
    requireAuth(req)
    const doc = await documentOf(req.params.id)
    const suggestions = await deps.registry.withDocument(doc.id, (room) =>
      listSuggestions(liveDocument(room)),
    )
    res.json({ suggestions })
  })

  router.post(`${base}/decisions`, async (req, res) => {
    const { user } = requireAuth(req)
    const doc = await documentOf(req.params.id)
    mayDecide(user.role, doc.status)
    const body = parse(resolveSuggestionsRequest, req.body)
    const ids = new Set(body.ids ?? [])
    const outcome = await deps.registry.withDocument(doc.id, (room) => {
      // Again on the live room, in the same step as the write: it may have become final meanwhile.
      mayDecide(user.role, room.status)
      return decideSuggestions(room, (s) => {
        const chosen =
          body.all === true ||
          ids.has(s.id) ||
          (body.authorId !== undefined && s.authorId === body.authorId) ||
          (body.clauseId !== undefined &&
            (s.clauseId === body.clauseId || s.parentClauseId === body.clauseId))
        return chosen ? body.decision : undefined
      })
    })
    const done = [...outcome.accepted, ...outcome.rejected]
    const missing = [...ids].filter((id) => !done.some((s) => s.id === id))
    if (body.ids && done.length === 0) {
      throw new HttpError(
        409,
        ErrorCode.suggestionResolved,
        'Already accepted or rejected (or withdrawn) by someone else',
        { missing },
      )
    }
    if (done.length > 0) {
      await deps.audit.record({
        userId: user.id,
        action: body.decision === 'accept' ? 'suggestion.accepted' : 'suggestion.rejected',
        documentId: doc.id,
        details: {
          suggestions: done.map(brief),
          by: body.ids ? 'ids' : body.clauseId ? 'clause' : body.authorId ? 'author' : 'all',
          ...(body.clauseId ? { clauseId: body.clauseId } : {}),
          ...(body.authorId ? { authorId: body.authorId } : {}),
        },
      })
    }
    res.json({ decision: body.decision, resolved: done.map((s) => s.id), missing })
  })

  router.post(`${base}/rollout`, async (req, res) => {
    const { user } = requireAuth(req)
    const doc = await documentOf(req.params.id)
    mayDecide(user.role, doc.status)
    const body = parse(rolloutRequest, req.body)
    const accept = new Set(body.accept)
    const reject = new Set(body.reject)
    // Deciding and taking the snapshot in one synchronous step: no edit can fall between.
    const { outcome, state, content, carriedOver } = await deps.registry.withDocument(
      doc.id,
      (room) => {
        mayDecide(user.role, room.status)
        const outcome = decideSuggestions(room, (s) =>
          accept.has(s.id) ? 'accept' : reject.has(s.id) ? 'reject' : undefined,
        )
        return {
          outcome,
          state: Y.encodeStateAsUpdate(room.doc),
          content: docToJSON(room.doc),
          carriedOver: listSuggestions(liveDocument(room)).map((s) => s.id),
        }
      },
    )
    const decided = new Set([...outcome.accepted, ...outcome.rejected].map((s) => s.id))
    const missing = [...accept, ...reject].filter((id) => !decided.has(id))
    const version = await deps.versions.create({
      documentId: doc.id,
      name: body.name,
      note: body.note ?? null,
      userId: user.id,
      kind: 'named',
      state,
      content,
    })
    await deps.audit.record({
      userId: user.id,
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
    await deps.audit.record({
      userId: user.id,
      action: 'version.created',
      documentId: doc.id,
      details: { versionId: version.id, name: version.name },
    })
    res.status(201).json({
      version,
      accepted: outcome.accepted.map((s) => s.id),
      rejected: outcome.rejected.map((s) => s.id),
      carriedOver,
      missing,
    })
  })

  return router
}
