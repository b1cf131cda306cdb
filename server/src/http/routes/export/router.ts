import { type ExportThread, exportDocument } from '@accord/export'
import type { CommentThread } from '@accord/protocol'
import { create as contentDisposition } from 'content-disposition'
import { Router } from 'express'
import { exportSource } from '../../../services/exportSource.js'
import type { AppDeps } from '../../AppDeps.js'
import { notFound } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'
import { exportQuery } from './schema.js'

const openThreads = (threads: readonly CommentThread[]): ExportThread[] =>
  threads
    .filter((thread) => thread.status === 'open')
    .map((thread) => ({
      clauseId: thread.clauseId,
      quote: thread.quote,
      messages: thread.messages.map((message) => ({
        author: message.author.name,
        body: message.body,
        createdAt: new Date(message.createdAt),
      })),
    }))

/**
 * Export of a document's current text or of one of its versions, as a download. Every
 * signed-in role may export (observers included); each export is in the audit log.
 */
export const exportRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/documents/:id/export', async (req, res) => {
    const { user } = requireAuth(req)
    const doc = await deps.catalog.get(parseId(req.params.id))
    if (!doc) throw notFound('Unknown document')
    const query = parse(exportQuery, req.query)
    // A malformed version id cannot name a version: 404, like an unknown one.
    const versionId = query.version === undefined ? undefined : parseId(query.version)
    const source = await exportSource(deps, doc.id, versionId)
    if (!source) throw notFound('Unknown version')
    const threads = query.comments ? openThreads(await deps.comments.list(doc.id)) : undefined
    const file = await exportDocument(query.format, source.content, {
      documentId: doc.id,
      title: doc.title,
      ...source.settings,
      versionName: source.versionName,
      date: source.date,
      threads,
      suggestions: query.suggestions,
    })
    await deps.audit.record({
      userId: user.id,
      action: 'document.exported',
      documentId: doc.id,
      details: {
        format: query.format,
        versionId: versionId ?? null,
        comments: Boolean(threads),
        suggestions: query.suggestions,
      },
    })
    res.setHeader('Content-Type', file.contentType)
    res.setHeader(
      'Content-Disposition',
      contentDisposition(file.fileName, { fallback: file.asciiFileName }),
    )
    res.send(Buffer.from(file.bytes))
  })

  return router
}
