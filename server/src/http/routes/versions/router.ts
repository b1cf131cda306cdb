import { diffDocuments } from '@accord/diff'
import { ErrorCode, Role } from '@accord/protocol'
import { docToJSON, readSettings } from '@accord/schema'
import { Router } from 'express'
import * as Y from 'yjs'
import { nameVersionInTranslations } from '../../../documents/nameVersionInTranslations.js'
import { restoreVersion } from '../../../services/restore/restoreVersion.js'
import { snapshotVersion } from '../../../services/snapshotVersion.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError, notFound } from '../../HttpError.js'
import { requireAuth, requireRole } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'
import { diffQuery } from './diffQuery.js'
import { createVersionRequest } from './schema.js'

/**
 * Versions of a document: coordinators and the secretariat name and restore them;
 * everyone may list and read them. A restore first saves the current text as
 * "before restore of …", then writes the old content as a new change.
 */
export const versionsRouter = (deps: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/versions'

  const documentOf = async (rawId: unknown) => {
    const doc = await deps.catalog.get(parseId(rawId))
    if (!doc) throw notFound('Unknown document')
    return doc
  }

  router.get(base, async (req, res) => {
    requireAuth(req)
    const doc = await documentOf(req.params.id)
    res.json({ versions: await deps.versions.list(doc.id) })
  })

  router.post(base, async (req, res) => {
    const user = requireRole(req, Role.coordinator)
    const doc = await documentOf(req.params.id)
    const body = parse(createVersionRequest, req.body)
    const version = await snapshotVersion(deps, {
      documentId: doc.id,
      name: body.name,
      note: body.note ?? null,
      userId: user.id,
    })
    await deps.audit.record({
      userId: user.id,
      action: 'version.created',
      documentId: doc.id,
      details: { versionId: version.id, name: version.name },
    })
    const translations =
      body.translations && doc.sourceDocumentId === null
        ? await nameVersionInTranslations(deps, user, doc.id, version)
        : undefined
    res.status(201).json(translations ? { ...version, translations } : version)
  })

  router.get(`${base}/:vid`, async (req, res) => {
    requireAuth(req)
    const doc = await documentOf(req.params.id)
    const id = parseId(req.params.vid)
    const [version, stored] = await Promise.all([
      deps.versions.info(doc.id, id),
      deps.versions.content(doc.id, id),
    ])
    if (!version || !stored) throw notFound('Unknown version')
    // The version's own settings (language, label style), so it is shown as it was.
    const state = new Y.Doc()
    Y.applyUpdate(state, stored.state)
    const settings = readSettings(state)
    state.destroy()
    res.json({ version, content: stored.content, settings })
  })

  router.get('/documents/:id/diff', async (req, res) => {
    requireAuth(req)
    const doc = await documentOf(req.params.id)
    const query = parse(diffQuery, req.query)
    const live = await deps.registry.withDocument(doc.id, (room) => ({
      content: docToJSON(room.doc),
      language: room.doc.getMap<unknown>('settings').get('language') === 'en' ? 'en' : 'ru',
    }))
    const contentOf = async (id: string) => {
      if (id === 'current') return live.content
      const stored = await deps.versions.content(doc.id, id)
      if (!stored) throw notFound(`Unknown version ${id}`)
      return stored.content
    }
    const [before, after] = await Promise.all([contentOf(query.from), contentOf(query.to)])
    res.json({ from: query.from, to: query.to, ...diffDocuments(before, after, live.language) })
  })

  router.post(`${base}/:vid/restore`, async (req, res) => {
    const user = requireRole(req, Role.coordinator)
    const doc = await documentOf(req.params.id)
    if (doc.status === 'final') {
      throw new HttpError(
        409,
        ErrorCode.documentFinal,
        'A final document cannot be changed; reopen it first',
      )
    }
    const id = parseId(req.params.vid)
    const [version, stored] = await Promise.all([
      deps.versions.info(doc.id, id),
      deps.versions.content(doc.id, id),
    ])
    if (!version || !stored) throw notFound('Unknown version')
    const before = await restoreVersion(
      { registry: deps.registry, versions: deps.versions, inFlight: deps.inFlightEdits },
      { documentId: doc.id, version, stored, userId: user.id },
    )
    await deps.audit.record({
      userId: user.id,
      action: 'version.restored',
      documentId: doc.id,
      details: { versionId: version.id, savedAs: before.id },
    })
    res.json({ restored: version, savedAs: before })
  })

  return router
}
