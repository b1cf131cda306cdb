import { describe, expect, it } from 'vitest'
import { serverDocument } from './utils/rawUpdate'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { socketHeld } from './utils/socketHeld'
import { useBrowserSession } from './utils/useBrowserSession'

describe('opening a document', () => {
  const session = useBrowserSession()

  it('connects to the text while the document details are still on their way, and is typed in at once', async () => {
    const { server } = session
    const coordinator = await server.newUser('coordinator', 'Clara Coordinator')
    const page = await session.signedIn(coordinator.email, coordinator.password)
    const cookie = await server.signIn(coordinator.email, coordinator.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Charter',
    })

    // The details answer only once the page has asked for the text's socket.
    let socketAsked: () => void = () => undefined
    const asked = new Promise<void>((resolve) => {
      socketAsked = resolve
    })
    await page.routeWebSocket(/\/collab\//, (ws) => {
      socketAsked()
      ws.connectToServer()
    })
    await page.route(new RegExp(`/api/documents/${id}$`), async (route) => {
      await asked
      await route.continue()
    })
    await page.goto(`${server.url}/documents/${id}`)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    const text = page.locator('.ProseMirror[contenteditable="true"]')
    await text.click()
    await page.keyboard.type('First words')
    await expect.poll(() => text.textContent()).toContain('First words')
  })

  it('asks for the details and the strings without waiting for the session check', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Nina Member')
    const page = await session.signedIn(member.email, member.password)
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Rules',
    })
    // The session check answers only once the details and the strings were asked for.
    const asked = new Set<string>()
    let allAsked: () => void = () => undefined
    const everything = new Promise<void>((resolve) => {
      allAsked = resolve
    })
    const note = (what: string) => {
      asked.add(what)
      if (asked.size === 2) allAsked()
    }
    page.on('request', (request) => {
      const url = new URL(request.url())
      if (url.pathname === `/api/documents/${id}`) note('details')
      if (/\/assets\/en-[\w-]+\.js$/.test(url.pathname)) note('strings')
    })
    await page.route(/\/api\/me$/, async (route) => {
      await everything
      await route.continue()
    })
    await page.goto(`${server.url}/documents/${id}`)
    await expect.poll(() => [...asked].sort()).toEqual(['details', 'strings'])
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
  })

  it('shows a signed-out visitor the sign-in form at a document link, and the document once signed in', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Sam Member')
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Bylaws',
    })
    const page = await (await session.newContext({ locale: 'en-US' })).newPage()
    const sockets: string[] = []
    page.on('websocket', (ws) => sockets.push(ws.url()))
    await page.goto(`${server.url}/documents/${id}`)
    await page.getByLabel(/^Email/).fill(member.email)
    await page.getByLabel(/^Password/).fill(member.password)
    // Before signing in, no socket was opened for the document: it would have been refused.
    expect(sockets.filter((url) => url.includes('/collab/'))).toEqual([])
    await page.locator('form button[type=submit]').click()
    // The details refused before signing in are asked for again, not shown as an error.
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    expect(page.url()).toBe(`${server.url}/documents/${id}`)
    const text = page.locator('.ProseMirror[contenteditable="true"]')
    await text.click()
    await page.keyboard.type('Article 1')
    await expect.poll(() => text.textContent()).toContain('Article 1')
  })

  it("says when the page's code could not be fetched, and opens the document when asked to try again", async () => {
    const { server } = session
    const member = await server.newUser('member', 'Lev Member')
    // Without the service worker, whose copies the network's failure would not reach.
    const page = await session.signedIn(member.email, member.password, {
      serviceWorkers: 'block',
    })
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Statute',
    })
    // The network drops the page's code (both the start's early fetch and the page's own ask)
    // until the page has said so.
    let refused = 0
    let reachable = false
    await page.route(/\/assets\/DocumentPage-[\w-]+\.js$/, async (route) => {
      if (reachable) return route.continue()
      refused++
      return route.abort('connectionreset')
    })
    await page.goto(`${server.url}/documents/${id}`)
    const failed = page.getByTestId('part-failed')
    await expect.poll(() => failed.getAttribute('data-part')).toBe('page')
    expect(refused).toBeGreaterThan(0)
    // The header stays usable beside the message.
    expect(await page.getByRole('banner').isVisible()).toBe(true)
    reachable = true
    await failed.getByRole('button', { name: 'Try again' }).click()
    const text = page.locator('.ProseMirror[contenteditable="true"]')
    await text.click()
    await page.keyboard.type('Article 1')
    await expect.poll(() => text.textContent()).toContain('Article 1')
  })

  it('draws the editor before the text arrives and writes nothing of its own into it, for two people opening at once', async () => {
    const blocks = ['Статья 1. Право на доступ.', 'Каждый вправе…', 'Статья 2. Защита данных.']
    const seeded = await seededDocument(
      session,
      { role: 'coordinator', name: 'Olga Author' },
      'Charter of rights',
      blocks.map(yParagraph),
    )
    const { server } = session
    const people = await Promise.all(
      ['Petr Reader', 'Rita Reader'].map((name) => server.newUser('member', name)),
    )
    // Each page's socket waits until its editor is drawn, empty: the text comes after.
    const pages = await Promise.all(
      people.map(async (person) => {
        const page = await session.signedIn(person.email, person.password)
        const socket = await socketHeld(page)
        await page.goto(seeded.url)
        await page.locator('.ProseMirror[contenteditable="true"]').waitFor()
        socket.release()
        return page
      }),
    )
    for (const page of pages) {
      await expect.poll(() => page.locator('.ProseMirror > *').allTextContents()).toEqual(blocks)
    }
    // Nothing was added to the shared text: no empty block the editor began with.
    const held = (await serverDocument(seeded.authorPage, server.url, seeded.id))
      .getXmlFragment('default')
      .toArray()
      .map(String)
    expect(held).toEqual(seeded.doc.getXmlFragment('default').toArray().map(String))
  })

  it('says a document that does not exist is not there, and closes the socket it started for it', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Mia Member')
    const page = await session.signedIn(member.email, member.password)
    const sockets: { closed: boolean }[] = []
    page.on('websocket', (ws) => {
      if (!ws.url().includes('/collab/')) return
      const seen = { closed: false }
      sockets.push(seen)
      ws.on('close', () => {
        seen.closed = true
      })
    })
    await page.goto(`${server.url}/documents/no-such-document`)
    await expect.poll(() => page.getByText('This document does not exist.').isVisible()).toBe(true)
    // The refused socket was dropped, not left retrying behind the message.
    await expect.poll(() => sockets.length > 0 && sockets.every((s) => s.closed)).toBe(true)
    const tried = sockets.length
    // Nor is a copy of it kept on this device: the id was never a document.
    const databases = await page.evaluate(async () =>
      (await indexedDB.databases()).map((database) => database.name),
    )
    expect(databases).not.toContain('accord-doc-no-such-document')
    await page.getByRole('link', { name: 'Back to documents' }).click()
    await expect.poll(() => page.url()).toBe(`${server.url}/`)
    expect(sockets.length).toBe(tried)
  })
})
