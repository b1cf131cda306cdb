import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signInThroughForm } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { useBrowserSession } from './utils/useBrowserSession'

/** Long enough for a reconnecting editor to try again several times (its backoff starts at 100 ms). */
const QUIET_MS = 2000

describe('a person whose session ended elsewhere', () => {
  const session = useBrowserSession()

  /** An editor open on a new document, connected, and a count of the sockets it opens from now on. */
  const openEditor = async (page: Page, email: string, password: string) => {
    const cookie = await session.server.signIn(email, password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Устав рабочей группы',
    })
    await signInThroughForm(page, session.server.url, email, password)
    await page.goto(`${session.server.url}/documents/${id}`)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    const sockets = { opened: 0 }
    page.on('websocket', () => {
      sockets.opened++
    })
    return { id, sockets }
  }

  /** The sign-in page, saying why, and no socket opened any more. */
  const expectSignedOut = async (page: Page, sockets: { opened: number }) => {
    await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor({ timeout: 10_000 })
    await expect
      .poll(() => page.getByRole('status').allTextContents())
      .toContainEqual(expect.stringContaining('You have been signed out'))
    expect(await page.locator('.ProseMirror').count()).toBe(0)
    const before = sockets.opened
    await page.waitForTimeout(QUIET_MS)
    expect(sockets.opened).toBe(before)
  }

  it('who signed out in another tab is shown as signed out in the editor, and can sign in again', async () => {
    const person = await session.server.newUser('member', 'Anna Tabs')
    const context = await session.newContext()
    const editorTab = await context.newPage()
    const { id, sockets } = await openEditor(editorTab, person.email, person.password)

    const otherTab = await context.newPage()
    await otherTab.goto(`${session.server.url}/`)
    await otherTab.getByRole('button', { name: 'Sign out' }).click()
    await otherTab.getByRole('heading', { name: 'Sign in to Accord' }).waitFor()
    // The tab that signed out was asked to: it shows no "signed out elsewhere" notice.
    expect(await otherTab.getByRole('status').allTextContents()).not.toContainEqual(
      expect.stringContaining('You have been signed out'),
    )

    await expectSignedOut(editorTab, sockets)
    expect((await checkAccessibility(editorTab, 'signed out elsewhere')).blocking).toEqual([])
    // Signing in again brings the same document back, connected.
    await editorTab.getByLabel(/^Email/).fill(person.email)
    await editorTab.getByLabel(/^Password/).fill(person.password)
    await editorTab.locator('form button[type=submit]').click()
    expect(new URL(editorTab.url()).pathname).toBe(`/documents/${id}`)
    await expect
      .poll(() => editorTab.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
  })

  it('whose password was changed in another browser is shown as signed out in the editor', async () => {
    const person = await session.server.newUser('member', 'Boris Browsers')
    const editor = await (await session.newContext()).newPage()
    const { sockets } = await openEditor(editor, person.email, person.password)

    const elsewhere = await session.server.signIn(person.email, person.password)
    await session.server.api('POST', '/api/me/password', elsewhere, {
      currentPassword: person.password,
      newPassword: 'Boris changed it elsewhere',
    })
    await expectSignedOut(editor, sockets)
  })
})
