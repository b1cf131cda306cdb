import type { Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './utils/useBrowserSession'

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
    const large: { encoding: string | undefined; sent: number; read: number }[] = []
    for (const response of assets) {
      const read = (await response.body()).byteLength
      if (read < 1024) continue
      const { responseBodySize } = await response.request().sizes()
      large.push({ encoding: response.headers()['content-encoding'], sent: responseBodySize, read })
      if (response.url() === entry) {
        expect(response.headers()['content-encoding']).toBe('br')
        expect(response.headers().vary).toMatch(/Accept-Encoding/i)
      }
    }
    expect(assets.some((response) => response.url() === entry)).toBe(true)
    // Every script and style sheet of a kilobyte or more, at less than half its size.
    expect(large.length).toBeGreaterThan(2)
    for (const asset of large) {
      expect(asset.encoding).toBe('br')
      expect(asset.sent).toBeLessThan(asset.read / 2)
    }
    await context.close()
  })
})
