import {
  canChangeStatus,
  type DocumentInfo,
  DocumentStatus,
  ErrorCode,
  Role,
} from '@accord/protocol'
import {
  createDocumentRequest,
  type UpdateDocumentRequest,
  updateDocumentRequest,
} from '@accord/protocol/requests'
import { templateUpdate } from '@accord/schema'
import { Router } from 'express'
import { z } from 'zod'
import { settingsUpdate } from '../../../services/settingsUpdate.js'
import { snapshotVersion } from '../../../services/snapshotVersion.js'
import type { StoredUser } from '../../../store/UserStore.js'
import type { AppDeps } from '../../AppDeps.js'
import { forbidden, HttpError, notFound } from '../../HttpError.js'
import { requireAuth, requireRole } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

const listQuery = z.object({ q: z.string().max(300).optional() })

/** A rename or move retried this often when the status keeps changing under it. */
const MAX_UPDATE_ATTEMPTS = 3

/** Documents: every account sees every document of the installation; its role decides what it may do. */
export const documentsRouter = (deps: AppDeps): Router => {
  const router = Router()

  const load = async (rawId: unknown) => {
    const doc = await deps.catalog.get(parseId(rawId))
    if (!doc) throw notFound('Unknown document')
    return doc
  }

  router.get('/documents', async (req, res) => {
    requireAuth(req)
    const { q } = parse(listQuery, req.query)
    res.json({ documents: await deps.catalog.list(q) })
  })

  router.post('/documents', async (req, res) => {
    const user = requireRole(req, Role.member)
    const { title, language, template } = parse(createDocumentRequest, req.body)
    const doc = await deps.catalog.create(title, user.id, language)
    // Written before anyone connects: the template's text, or only the language of a blank page.
    await deps.registry.store.append(
      doc.id,
      template
        ? templateUpdate({ title, language, clauses: template.clauses, preface: template.preface })
        : settingsUpdate({ language }),
    )
    await deps.audit.record({
      userId: user.id,
      action: 'document.created',
      documentId: doc.id,
      details: { title },
    })
    res.status(201).json(doc)
  })

  router.get('/documents/:id', async (req, res) => {
    requireAuth(req)
    res.json(await load(req.params.id))
  })

  /**
   * Who may change what, judged on the status the document has when the change is written
   * (see `update`): observers rename nothing; a final document keeps its title, even in a
   * request that reopens it (reopen first); status moves follow `canChangeStatus`.
   */
  const mayUpdate = (role: Role, doc: DocumentInfo, patch: UpdateDocumentRequest) => {
    if (patch.title !== undefined && role === Role.observer)
      throw forbidden('Observers cannot rename documents')
    if (patch.title !== undefined && doc.status === DocumentStatus.final) {
      throw new HttpError(
        409,
        ErrorCode.documentFinal,
        'A final document cannot be renamed; reopen it first',
      )
    }
    if (patch.status !== undefined && !canChangeStatus(role, doc.status, patch.status)) {
      throw forbidden('Your role cannot move this document to that status')
    }
  }

  /**
   * Checks, then writes only if the status is still the one checked; a status changed in
   * between (a finalize racing a rename) is checked again, so no change slips past it.
   */
  const update = async (user: StoredUser, rawId: unknown, patch: UpdateDocumentRequest) => {
    for (let attempt = 1; ; attempt++) {
      const doc = await load(rawId)
      mayUpdate(user.role, doc, patch)
      const title = patch.title !== doc.title ? patch.title : undefined
      const status = patch.status !== doc.status ? patch.status : undefined
      if (title === undefined && status === undefined) return { doc, updated: doc }
      const updated = await deps.catalog.update(doc.id, doc.status, { title, status }, user.id)
      if (updated) return { doc, updated }
      if (attempt === MAX_UPDATE_ATTEMPTS) {
        throw new HttpError(409, ErrorCode.conflict, 'The document changed meanwhile; try again')
      }
    }
  }

  router.patch('/documents/:id', async (req, res) => {
    const { user } = requireAuth(req)
    const patch = parse(updateDocumentRequest, req.body)
    const { doc, updated } = await update(user, req.params.id, patch)
    if (updated.status !== doc.status) {
      // Open sockets obey the new status with their next message.
      deps.cluster.broadcast({ kind: 'status', documentId: doc.id, status: updated.status })
      // The agreed text is kept as a named version the moment it becomes final.
      if (updated.status === 'final') {
        await snapshotVersion(deps, {
          documentId: doc.id,
          name: 'Final',
          note: null,
          userId: user.id,
        })
      }
      await deps.audit.record({
        userId: user.id,
        action: 'document.statusChanged',
        documentId: doc.id,
        details: { from: doc.status, to: updated.status },
      })
    }
    if (updated.title !== doc.title) {
      await deps.audit.record({
        userId: user.id,
        action: 'document.renamed',
        documentId: doc.id,
        details: { from: doc.title, to: updated.title },
      })
    }
    deps.events.publish(doc.id, { type: 'document', document: updated })
    res.json(updated)
  })

  return router
}
