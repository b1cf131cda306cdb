import { describe, expect, it } from 'vitest'
import { signInThroughForm } from './utils/browser'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

describe('edits made while the collaboration server is unreachable', () => {
  const session = useBrowserSession()

  it('survive a reload and merge when the connection returns', async () => {
    const member = await session.server.newUser('member', 'Olga Ivanova')
    const cookie = await session.server.signIn(member.email, member.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Offline',
    })

    const context = await session.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    const editor = page.locator('.ProseMirror')
    const state = () => page.getByTestId('connection-state').getAttribute('data-state')
    await signInThroughForm(page, session.server.url, member.email, member.password)
    await page.goto(`${session.server.url}/documents/${id}`)
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
    const other = await session.newContext({ locale: 'en-US' })
    const otherPage = await other.newPage()
    await signInThroughForm(otherPage, session.server.url, ADMIN.email, ADMIN.password)
    await otherPage.goto(`${session.server.url}/documents/${id}`)
    await expect
      .poll(() => otherPage.locator('.ProseMirror').textContent())
      .toContain('Typed offline.')
    expect(await otherPage.locator('.ProseMirror').textContent()).toContain('Online line.')
  })
})
