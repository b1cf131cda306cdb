import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http'
import { parse as parseQuery } from 'node:querystring'
import type { ConsultationOperations } from '../../../consultations/consultationOperations.js'
import { languageOf } from '../publicConsultations/publicLanguage.js'
import type { KeptPages } from './keptPages.js'
import { sendPrepared } from './sendPage.js'

/** A consultation's page (`/consultations/:slug`), as its route takes it. */
const PAGE_PATH = /^\/consultations\/([^/?]+)\/?(?:\?|$)/

/** The slug as Express decodes it for the route, or undefined when it is malformed. */
const slugOf = (segment: string): string | undefined => {
  try {
    return decodeURIComponent(segment)
  } catch {
    return undefined
  }
}

/** `?lang=` as Express's query parser ("simple", node:querystring) gives it to the route. */
const askedLanguage = (url: string): unknown => {
  const query = url.indexOf('?')
  return query < 0 ? undefined : parseQuery(url.slice(query + 1)).lang
}

/**
 * Answers a reader of a consultation's page from the page kept since the last reading (with
 * its prepared encodings, ETags and heads: a current copy gets 304), at the HTTP server's
 * 'request', before Express: no database, no rendering, no routing, no middleware. The
 * heads carry the security headers the app's helmet gives the route's answer (pageHead.ts).
 * Anything else, or a page not kept (or no longer current), goes to `app`, whose route
 * reads, renders and keeps.
 */
export const answerKeptPages =
  (
    kept: KeptPages,
    consultations: Pick<ConsultationOperations, 'publicMoment'>,
    app: RequestListener,
  ): RequestListener =>
  (req: IncomingMessage, res: ServerResponse) => {
    let page: ReturnType<typeof keptPageFor>
    try {
      page = keptPageFor(req, kept, consultations)
    } catch {
      // Outside Express nothing would catch a throw here but the process: let the route answer.
      page = undefined
    }
    if (!page) return app(req, res)
    sendPrepared(req, res, page).catch(() => res.destroy())
  }

const keptPageFor = (
  req: IncomingMessage,
  kept: KeptPages,
  consultations: Pick<ConsultationOperations, 'publicMoment'>,
) => {
  if (req.method !== 'GET' && req.method !== 'HEAD') return undefined
  const url = req.url ?? ''
  const segment = PAGE_PATH.exec(url)?.[1]
  const slug = segment === undefined ? undefined : slugOf(segment)
  if (slug === undefined) return undefined
  const language = languageOf(askedLanguage(url), req.headers['accept-language'])
  return kept.current(slug, language, consultations.publicMoment())
}
