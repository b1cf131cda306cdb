import { describe, expect, it } from 'vitest'
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
