import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { reportFigure } from './support/figures.js'

/** The directives of a Content-Security-Policy header, by name. */
const directives = (header: string | null): Map<string, string[]> =>
  new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name as string, values]),
  )

describe('Content-Security-Policy', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await newTestServer()
  })
  afterAll(() => t.close())

  it('is sent on the web client and the API, and allows no inline or foreign script', async () => {
    for (const path of ['/', '/documents/some-id', '/api/health', '/api/nothing']) {
      const res = await fetch(`${t.url}${path}`)
      const csp = directives(res.headers.get('content-security-policy'))
      const scripts = csp.get('script-src') ?? csp.get('default-src')
      expect(scripts, path).toEqual(["'self'"])
      expect(csp.get('default-src'), path).toEqual(["'self'"])
      expect(csp.get('object-src'), path).toEqual(["'none'"])
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"])
      expect(csp.get('base-uri'), path).toEqual(["'self'"])
      expect(csp.get('script-src-attr'), path).toEqual(["'none'"])
      // The WebSocket endpoint is the only other place the page may connect to.
      expect(csp.get('connect-src'), path).toEqual(["'self'", t.url.replace(/^http/, 'ws')])
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff')
    }
    const res = await fetch(`${t.url}/api/health`)
    reportFigure('19 CSP', { header: res.headers.get('content-security-policy') })
  })
})
