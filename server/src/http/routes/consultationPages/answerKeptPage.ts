import type { RequestHandler } from 'express'
import type { ConsultationOperations } from '../../../consultations/consultationOperations.js'
import { publicLanguage } from '../publicConsultations/publicLanguage.js'
import type { KeptPages } from './keptPages.js'
import { sendPrepared } from './sendPage.js'

/** A consultation's page (`/consultations/:slug`), as its route takes it. */
const PAGE_PATH = /^\/consultations\/([^/]+)\/?$/

/** The slug as Express decodes it for the route, or undefined when it is malformed. */
const slugOf = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/**
 * Answers a reader of a consultation's page from the page kept since the last reading (and
 * its prepared gzip and ETags: a current copy gets 304), before any other middleware of the
 * app but the security headers: no database, no rendering, no routing. Anything else, or a
 * page not kept (or no longer current), goes on to the route, which reads, renders and keeps.
 */
export const answerKeptPage =
  (kept: KeptPages, consultations: Pick<ConsultationOperations, 'publicMoment'>): RequestHandler =>
  (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next()
    const segment = PAGE_PATH.exec(req.path)?.[1]
    const slug = segment === undefined ? undefined : slugOf(segment)
    if (slug === undefined) return next()
    const page = kept.current(slug, publicLanguage(req), consultations.publicMoment())
    if (!page) return next()
    sendPrepared(req, res, page).catch(next)
  }
