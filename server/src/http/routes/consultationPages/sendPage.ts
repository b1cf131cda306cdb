import type { Request, Response } from 'express'
import type { PreparedPage } from './preparedPages.js'

/**
 * Nothing but the page itself and its inline styles: no script, no other site, forms only to
 * this server. Stricter than the application's own policy.
 */
const PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"

/** The headers of every public page. */
export const pageHeaders = (res: Response): void => {
  res.setHeader('Content-Security-Policy', PAGE_CSP)
  // Not `no-referrer` (the app's): with it browsers send `Origin: null` on the form's POST,
  // which the origin check must refuse. Other sites still learn nothing.
  res.setHeader('Referrer-Policy', 'same-origin')
  res.setHeader('Cache-Control', 'no-cache')
}

/**
 * A page many read (the consultation's text): sent from its prepared bytes, gzipped for
 * those who take it (awaiting the page's one compression, off the event loop, if it is new),
 * and 304 for a reader whose copy is current (Express compares the ETag).
 */
export const sendPrepared = async (
  req: Request,
  res: Response,
  page: PreparedPage,
): Promise<void> => {
  pageHeaders(res)
  res.setHeader('Vary', 'Accept-Encoding')
  const gzipped =
    req.acceptsEncodings('gzip', 'identity') === 'gzip' ? await page.gzipped : undefined
  if (gzipped) res.setHeader('Content-Encoding', 'gzip')
  const sent = gzipped ?? page.plain
  res.setHeader('ETag', sent.etag)
  res.status(200).type('html').send(sent.bytes)
}
