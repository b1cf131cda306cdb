import type { IncomingMessage, ServerResponse } from 'node:http'
import type { Response } from 'express'
import fresh from 'fresh'
import Negotiator from 'negotiator'
import type { PreparedPage, SentBytes } from './preparedPages.js'

/**
 * Nothing but the page itself and its inline styles: no script, no other site, forms only to
 * this server. Stricter than the application's own policy.
 */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/** The headers of every public page, in place of the app's. */
export const PAGE_HEADERS = {
  'content-security-policy': PAGE_CSP,
  // Not `no-referrer` (the app's): with it browsers send `Origin: null` on the form's POST,
  // which the origin check must refuse. Other sites still learn nothing.
  'referrer-policy': 'same-origin',
  'cache-control': 'no-cache',
  // Every public page is in the language of `?lang=` or, without it, of Accept-Language: a
  // cache must not hand one reader's language to another.
  vary: 'Accept-Language',
} as const

/** The headers of every public page. */
export const pageHeaders = (res: Response): void => {
  for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value)
}

type Encoding = 'br' | 'gzip' | 'identity'

const ENCODINGS: readonly Encoding[] = ['br', 'gzip', 'identity']
/** Among encodings a reader takes equally, brotli first (negotiator's `preferred`; untyped). */
const PREFERRED = { preferred: ['br', 'gzip'] }

/** Readers send a handful of distinct Accept-Encoding values: each is negotiated once. */
const negotiated = new Map<string | undefined, Encoding | undefined>()
const NEGOTIATED = 64

/** The encoding a reader is sent (undefined: none it takes, so the plain page, as before). */
export const acceptedEncoding = (header: string | undefined): Encoding | undefined => {
  if (negotiated.has(header)) return negotiated.get(header)
  const negotiator = new Negotiator({ headers: { 'accept-encoding': header } })
  const chosen = (
    negotiator.encoding as (available: readonly string[], options: typeof PREFERRED) => string
  )(ENCODINGS, PREFERRED) as Encoding | undefined
  if (negotiated.size >= NEGOTIATED) negotiated.clear()
  negotiated.set(header, chosen)
  return chosen
}

const variant = async (page: PreparedPage, encoding: Encoding | undefined) =>
  (encoding === 'br' ? await page.brotli : encoding === 'gzip' ? await page.gzipped : undefined) ??
  page.plain

/** The answer from a variant's ready-made head: 304 for a current copy, no body for HEAD. */
const writeSent = (req: IncomingMessage, res: ServerResponse, sent: SentBytes) => {
  // Express's req.fresh: the request's If-None-Match (and no-cache) against the ETag.
  if (fresh(req.headers, sent.validators)) {
    res.writeHead(304, sent.notModified as string[])
    res.end()
    return
  }
  res.writeHead(200, sent.ok as string[])
  res.end(req.method === 'HEAD' ? undefined : sent.bytes)
}

/**
 * A page many read (the consultation's text), from its prepared bytes and heads: brotli or
 * gzip for those who take it (awaiting the page's one compression, off the event loop, if it
 * is new), 304 for a reader whose copy is current. Plain Node request and response, so the
 * kept page is answered before Express (answerKeptPage.ts) exactly as the route answers.
 */
export const sendPrepared = async (
  req: IncomingMessage,
  res: ServerResponse,
  page: PreparedPage,
): Promise<void> => {
  writeSent(req, res, await variant(page, acceptedEncoding(req.headers['accept-encoding'])))
}
