import { readFileSync } from 'node:fs'
import path from 'node:path'
import type { Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './utils/useBrowserSession'

/** The built client the test server sends (its default CLIENT_DIST). */
const BUILT = path.resolve(import.meta.dirname, '../dist')

describe("the app's scripts and styles", () => {
  const session = useBrowserSession()

  it('reach the browser compressed with brotli, and read as the built files', async () => {
    const context = await session.newContext()
    const page = await context.newPage()
    const assets: Response[] = []
    page.on('response', (response) => {
      if (/^\/assets\/.+\.(js|css)$/.test(new URL(response.url()).pathname)) assets.push(response)
    })
    await page.goto(session.server.url)
    await page.getByRole('button', { name: /sign in|войти/i }).waitFor()

    const entry = await page.evaluate(
      () => (document.querySelector('script[type="module"]') as HTMLScriptElement).src,
    )
    // Every script and style sheet of a kilobyte or more (the entry among them) as brotli.
    const large: { url: string; encoding?: string; vary?: string; sent: number; read: number }[] =
      []
    for (const response of assets) {
      const body = await response.body()
      const read = body.byteLength
      if (read < 1024) continue
      // Decoded by the browser, byte for byte the file the build wrote.
      expect(body.equals(readFileSync(path.join(BUILT, new URL(response.url()).pathname)))).toBe(
        true,
      )
      const { responseBodySize: sent } = await response.request().sizes()
      const headers = response.headers()
      large.push({
        url: response.url(),
        encoding: headers['content-encoding'],
        vary: headers.vary,
        sent,
        read,
      })
    }
    expect(large.map(({ url }) => url)).toContain(entry)
    for (const asset of large) {
      expect(asset.encoding, asset.url).toBe('br')
      expect(asset.vary, asset.url).toMatch(/Accept-Encoding/i)
    }
    // Together at well under half their size (each small file need not be).
    const total = (key: 'sent' | 'read') => large.reduce((sum, asset) => sum + asset[key], 0)
    expect(total('sent')).toBeLessThan(total('read') / 2)
    await context.close()
  })
})
