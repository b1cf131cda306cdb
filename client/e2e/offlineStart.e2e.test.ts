import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { signInThroughForm } from './utils/browser'
import { expectAccessible } from './utils/checkAccessibility'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { ADMIN } from './utils/serverProcess'
import { serviceWorkerActive } from './utils/serviceWorker'
import { socketHeld } from './utils/socketHeld'
import { useBrowserSession } from './utils/useBrowserSession'

const editorOf = (page: Page) => page.locator('.ProseMirror')
const stateOf = (page: Page) => page.getByTestId('connection-state').getAttribute('data-state')

describe('starting the app with no network after a previous visit', () => {
  const session = useBrowserSession()

  /** A new member opens a new document in their own browser, which keeps the app once its service worker controls the page. */
  const visitOnce = async (name: string, title: string) => {
    const member = await session.server.newUser('member', name)
    const cookie = await session.server.signIn(member.email, member.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title,
    })
    const url = `${session.server.url}/documents/${id}`
    const context = await session.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await signInThroughForm(page, session.server.url, member.email, member.password)
    await page.goto(url)
    await expect.poll(() => stateOf(page)).toBe('connected')
    // What a later start needs is the worker active for the site. Whether this page is already
    // controlled depends on when the worker claimed its pages: one still navigating (the
    // sign-in's redirect, then the document) is not claimed, and is controlled from the next load.
    await serviceWorkerActive(page)
    return { url, context, page }
  }

  it('opens a document opened before, with its offline edits, and syncs them once back online', async () => {
    const { url, context, page } = await visitOnce('Olga Ivanova', 'On the train')
    await editorOf(page).click()
    await page.keyboard.type('Online line.')

    // The train enters a tunnel: the open tab keeps working and keeps its edits on this device.
    await context.setOffline(true)
    await expect.poll(() => stateOf(page), { timeout: 20_000 }).toBe('offline')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Typed offline.')

    // A new tab with no network: the app and the document come from this device, not the
    // browser's error page. y-indexeddb writes the first tab's edit asynchronously and announces
    // nothing, so the tab is opened again until that edit is in.
    const later = await context.newPage()
    const openOffline = async () => {
      await later.goto(url)
      await editorOf(later).getByText('Online line.').waitFor()
      return editorOf(later).textContent()
    }
    await expect.poll(openOffline, { timeout: 30_000 }).toContain('Typed offline.')
    expect(await later.getByRole('heading', { level: 1 }).textContent()).toBe('On the train')
    await later.getByRole('button', { name: 'Sign out' }).waitFor()
    await expect.poll(() => stateOf(later), { timeout: 20_000 }).toBe('offline')
    expect(await later.getByTestId('connection-state').textContent()).toContain('Offline')

    // The documents list, offline, offers the documents opened on this device.
    await later.goto(`${session.server.url}/`)
    await later.getByText('These are the documents opened on this device').waitFor()
    await later.getByRole('link', { name: 'On the train' }).click()
    await editorOf(later).getByText('Typed offline.').waitFor()

    await editorOf(later).click()
    await later.keyboard.press('Control+End')
    await later.keyboard.press('Enter')
    await later.keyboard.type('Second tab offline.')
    await expect.poll(() => editorOf(later).textContent()).toContain('Second tab offline.')
    await expectAccessible(later, 'document opened offline')

    // Back online: both tabs' offline edits reach the server and other people.
    await context.setOffline(false)
    await expect.poll(() => stateOf(later), { timeout: 30_000 }).toBe('connected')
    const other = await session.signedIn(ADMIN.email, ADMIN.password)
    await other.goto(url)
    await expect
      .poll(() => editorOf(other).textContent(), { timeout: 30_000 })
      .toContain('Second tab offline.')
    expect(await editorOf(other).textContent()).toContain('Typed offline.')
  })

  it('opens offline the text others wrote, as the server sent it on the last visit', async () => {
    // What the server sends is written to this device once the page is idle, not while the
    // text is drawn; it must still be there for the next start without a network.
    const blocks = Array.from({ length: 40 }, (_, i) =>
      yParagraph(`Clause ${i + 1}, as the drafting group agreed it.`),
    )
    const { url } = await seededDocument(
      session,
      { role: 'member', name: 'Aigerim Bekova' },
      'Agreed elsewhere',
      blocks,
    )
    const reader = await session.server.newUser('member', 'Davit Sargsyan')
    const context = await session.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    await signInThroughForm(page, session.server.url, reader.email, reader.password)
    // The text arrives after the copy on this device is open, as on a slow network, so that
    // it reaches the device as an update (were it there first, the copy would take it whole).
    const socket = await socketHeld(page)
    await page.goto(url)
    const deviceCopyOpen = () =>
      page.evaluate(async () =>
        (await indexedDB.databases()).some((db) => db.name?.startsWith('accord-doc-')),
      )
    await expect.poll(deviceCopyOpen).toBe(true)
    socket.release()
    await editorOf(page).getByText('Clause 40, as the drafting group agreed it.').waitFor()
    await serviceWorkerActive(page)

    await context.setOffline(true)
    const later = await context.newPage()
    const openOffline = async () => {
      await later.goto(url)
      await editorOf(later).waitFor()
      return editorOf(later).textContent()
    }
    await expect
      .poll(openOffline, { timeout: 30_000 })
      .toContain('Clause 40, as the drafting group agreed it.')
    expect(await editorOf(later).textContent()).toContain('Clause 1, as the drafting group')
    await expect.poll(() => stateOf(later), { timeout: 20_000 }).toBe('offline')
  })

  it('connects once the network is back, also when it came back while the page was still opening', async () => {
    const { url, context, page } = await visitOnce('Nina Petrova', 'Back in range')
    await page.close()
    const later = await context.newPage()
    // The details request is held until the network is back, then fails as it did offline:
    // the page opens the document from this device with the socket it started offline.
    let release: () => void = () => undefined
    const released = new Promise<void>((resolve) => {
      release = resolve
    })
    let asked: () => void = () => undefined
    const detailsAsked = new Promise<void>((resolve) => {
      asked = resolve
    })
    await later.route(/\/api\/documents\/[^/]+$/, async (route) => {
      asked()
      await released
      await route.abort('internetdisconnected')
    })
    await context.setOffline(true)
    await later.goto(url)
    await detailsAsked
    await context.setOffline(false)
    release()
    await editorOf(later).waitFor()
    await expect.poll(() => stateOf(later), { timeout: 30_000 }).toBe('connected')
  })

  it("forgets the account on signing out, so an offline start then opens nobody's document", async () => {
    const { url, context, page } = await visitOnce('Pavel Sidorov', 'Left behind')
    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in to Accord' }).waitFor()
    await context.setOffline(true)
    await page.goto(url)
    await page.getByRole('alert').first().waitFor()
    expect(await editorOf(page).count()).toBe(0)
    expect(
      await page.evaluate(() =>
        Object.keys(localStorage).filter((key) => key.startsWith('accord.offline.')),
      ),
    ).toEqual([])
  })
})
