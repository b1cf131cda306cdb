import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { writtenSource } from './utils/documentWithTranslation'
import { useBrowserSession } from './utils/useBrowserSession'

declare global {
  interface Window {
    /** The connection state shown when the export menu first appeared. */
    exportMenuFirstSeen?: string | null
  }
}

/**
 * An export is an HTTP request: a person whose WebSocket is refused (a proxy that refuses
 * upgrades, a limit on connections), and so never gets the live text, still exports, and
 * need not wait for the page to give up on the socket first.
 */
describe('exporting a document whose live text cannot arrive', () => {
  const session = useBrowserSession()

  it('a secretariat member whose socket is refused downloads the export', async () => {
    const { server } = session
    const coordinator = await server.newUser('coordinator', 'Anna Coordinator')
    const { sourceId } = await writtenSource(session, coordinator)
    const secretary = await server.newUser('secretariat', 'Sofia Secretary')
    const page = await session.signedIn(secretary.email, secretary.password, {
      viewport: { width: 1440, height: 900 },
      acceptDownloads: true,
    })
    // Every connection to the document's socket is refused before it opens.
    let refused = 0
    await page.routeWebSocket('**/collab/**', (socket) => {
      refused++
      return socket.close({ code: 1006 })
    })
    // What the connection state said when the menu appeared, read in the same DOM change (the
    // page says "offline" after some seconds without a connection; the menu must not wait for it).
    await page.addInitScript(() => {
      new MutationObserver((_, observer) => {
        if (!document.querySelector('details.export-menu')) return
        window.exportMenuFirstSeen = document
          .querySelector('[data-testid="connection-state"]')
          ?.getAttribute('data-state')
        observer.disconnect()
      }).observe(document, { childList: true, subtree: true })
    })
    await page.goto(`${server.url}/documents/${sourceId}`)

    const menu = page.locator('details.export-menu')
    await menu.locator('summary').click()
    await menu.getByLabel('Format').selectOption('md')
    const downloaded = page.waitForEvent('download')
    await menu.getByRole('link', { name: 'Download' }).click()
    const download = await downloaded
    expect(download.suggestedFilename()).toMatch(/\.md$/)
    const text = fs.readFileSync(await download.path(), 'utf8')
    expect(text).toContain('Персональные данные защищаются.')

    // The socket was tried and refused, the text never arrived live, and the menu was there
    // while the page still tried to connect.
    expect(refused).toBeGreaterThan(0)
    expect(await page.locator('.ProseMirror').textContent()).not.toContain('Персональные')
    expect(await page.evaluate(() => window.exportMenuFirstSeen)).toBe('connecting')
  })
})
