import { IncomingMessage, ServerResponse } from 'node:http'
import { Socket } from 'node:net'
import type { Config } from '../../../config.js'
import { securityHeaders } from '../../middleware/securityHeaders.js'
import { PAGE_HEADERS } from './sendPage.js'

/**
 * The fixed headers of every answer of a consultation's page (name, value, name, value …):
 * the security headers helmet gives every answer of the app, with the public pages' own
 * (PAGE_HEADERS) in place of the app's, with Accept-Encoding added to their Vary. Worked out once, by running the app's own
 * helmet on a response that is never sent, so a kept page answered before Express carries
 * exactly what the route's answer does.
 */
export const pageHead = (config: Pick<Config, 'publicOrigin'>): readonly string[] => {
  const res = new ServerResponse(new IncomingMessage(new Socket()))
  securityHeaders(config)(res.req, res, () => {})
  for (const [name, value] of Object.entries(PAGE_HEADERS)) res.setHeader(name, value)
  res.setHeader('vary', `Accept-Encoding, ${PAGE_HEADERS.vary}`)
  return Object.entries(res.getHeaders()).flatMap(([name, value]) =>
    Array.isArray(value) ? value.flatMap((v) => [name, v]) : [name, String(value)],
  )
}
