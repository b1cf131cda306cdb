import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { selectBack } from './utils/selectionSettled'
import { useBrowserSession } from './utils/useBrowserSession'

/** What the app's polite live region says to screen readers now. */
const announced = (page: Page) => page.getByTestId('announcer').textContent()

describe('live regions', () => {
  const session = useBrowserSession()

  it('announce a collaborator joining and leaving, a new comment, and the connection going offline', async () => {
    const { server } = session
    const anna = await server.newUser('member', 'Anna Petrova')
    const ben = await server.newUser('member', 'Ben Okafor')
    const cookie = await server.signIn(anna.email, anna.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Declaration',
    })
    const url = `${server.url}/documents/${id}`
    const state = (page: Page) => page.getByTestId('connection-state').getAttribute('data-state')

    const a = await session.signedIn(anna.email, anna.password)
    await a.goto(url)
    await expect.poll(() => state(a)).toBe('connected')
    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Everyone has the right to privacy.')

    const bContext = await session.newContext()
    const b = await bContext.newPage()
    await b.goto(server.url)
    await b.getByLabel('Email').fill(ben.email)
    await b.getByLabel('Password').fill(ben.password)
    await b.getByRole('button', { name: 'Sign in' }).click()
    await b.getByRole('button', { name: 'Sign out' }).waitFor()
    await b.goto(url)
    await expect.poll(() => state(b)).toBe('connected')
    await expect.poll(() => announced(a)).toBe('Ben Okafor joined the document')

    // Ben comments: Anna hears of it without her focus moving.
    await b.locator('.ProseMirror').click()
    await b.keyboard.press('Control+End')
    await selectBack(b, 'privacy.')
    await b.keyboard.press('Control+Alt+m')
    await b.getByLabel('Your comment').fill('Private life?')
    await b.keyboard.press('Control+Enter')
    await expect.poll(() => announced(a)).toBe('New comment from Ben Okafor')

    // Ben closes the document.
    await b.close()
    await expect.poll(() => announced(a), { timeout: 40_000 }).toBe('Ben Okafor left the document')

    // Anna's connection drops: the connection state is itself a polite live region.
    await a.context().setOffline(true)
    const status = a.getByTestId('connection-state')
    expect(await status.getAttribute('role')).toBe('status')
    await expect.poll(() => state(a), { timeout: 20_000 }).toBe('offline')
    expect(await status.textContent()).toContain('Offline')
    // Offline, with a change not sent yet: each state still fits on one line.
    await a.locator('.ProseMirror').click()
    await a.keyboard.type(' And to a home.')
    const saveState = a.getByTestId('save-state')
    await expect.poll(() => saveState.getAttribute('data-state')).toBe('offline')
    for (const indicator of [status, saveState]) {
      // One rectangle per line of its words (the dot beside them is not text).
      const lines = await indicator.evaluate((element) => {
        const bottoms = new Set<number>()
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const range = document.createRange()
          range.selectNodeContents(node)
          for (const rect of range.getClientRects()) bottoms.add(Math.round(rect.bottom))
        }
        return bottoms.size
      })
      expect(lines, (await indicator.textContent()) ?? '').toBe(1)
    }
  })
})
