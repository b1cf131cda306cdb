import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { launchBrowser, signInThroughForm } from './utils/browser'
import { ADMIN, type ServerProcess, startServerProcess } from './utils/serverProcess'

describe('edits made while the collaboration server is unreachable', () => {
  let server: ServerProcess
  let browser: Browser

  beforeAll(async () => {
    server = await startServerProcess()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('survive a reload and merge when the connection returns', async () => {
    const member = await server.newUser('member', 'Olga Ivanova')
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Offline',
    })

    const context = await browser.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    const editor = page.locator('.ProseMirror')
    const state = () => page.getByTestId('connection-state').getAttribute('data-state')
    await signInThroughForm(page, server.url, member.email, member.password)
    await page.goto(`${server.url}/documents/${id}`)
    await expect.poll(state).toBe('connected')
    await editor.click()
    await page.keyboard.type('Online line.')

    // Cut the collaboration socket only: the page itself still loads, as on a flaky network.
    let cut = true
    await page.routeWebSocket(/\/collab\//, (ws) => {
      if (cut) ws.close({ code: 4000, reason: 'unreachable' })
      else ws.connectToServer()
    })
    // y-indexeddb writes asynchronously and announces nothing; give each write a moment, as a person would.
    await page.waitForTimeout(500)
    await page.reload()
    await expect.poll(() => editor.textContent()).toContain('Online line.')
    expect(await state()).not.toBe('connected')
    await editor.click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Typed offline.')
    await page.waitForTimeout(500)

    // Reload while still offline: the edit comes back from this browser's IndexedDB copy.
    await page.reload()
    await expect.poll(() => editor.textContent()).toContain('Typed offline.')

    // The connection returns: the offline edit reaches the server and other people.
    cut = false
    await page.reload()
    await expect.poll(state, { timeout: 15_000 }).toBe('connected')
    const other = await browser.newContext({ locale: 'en-US' })
    const otherPage = await other.newPage()
    await signInThroughForm(otherPage, server.url, ADMIN.email, ADMIN.password)
    await otherPage.goto(`${server.url}/documents/${id}`)
    await expect
      .poll(() => otherPage.locator('.ProseMirror').textContent())
      .toContain('Typed offline.')
    expect(await otherPage.locator('.ProseMirror').textContent()).toContain('Online line.')
    await other.close()
    await context.close()
  })
})
