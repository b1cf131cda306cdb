import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { sendRawUpdate } from './utils/rawUpdate'
import { serviceWorkerActive } from './utils/serviceWorker'
import { useBrowserSession } from './utils/useBrowserSession'

const MARK = 'Article 1. Everyone has the right to privacy.'

describe('the offline copy of the app', () => {
  const session = useBrowserSession()

  it('is installed once a document opened first has drawn its text, not while it opens', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Dana Member')
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Privacy',
    })
    const doc = new Y.Doc()
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(MARK)])
    doc.getXmlFragment('default').insert(0, [paragraph])
    await sendRawUpdate(
      await session.signedIn(member.email, member.password),
      server.url,
      id,
      Y.encodeStateAsUpdate(doc),
    )

    // A browser that has never seen the app goes straight to the document, signed in.
    const context = await session.newContext()
    const [name, value] = cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url: server.url }])
    await context.addInitScript((mark) => {
      const observer = new MutationObserver(() => {
        if (document.querySelector('.ProseMirror')?.textContent?.includes(mark)) {
          ;(window as unknown as { textAt: number }).textAt = Date.now()
          observer.disconnect()
        }
      })
      observer.observe(document, { childList: true, subtree: true, characterData: true })
    }, MARK)
    let workerAskedAt: number | undefined
    context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/sw.js') workerAskedAt ??= Date.now()
    })
    const page = await context.newPage()
    await page.goto(`${server.url}/documents/${id}`)
    await serviceWorkerActive(page)
    const textAt = await page.evaluate(() => (window as unknown as { textAt?: number }).textAt)
    expect(textAt).toBeDefined()
    expect(workerAskedAt).toBeDefined()
    expect(workerAskedAt).toBeGreaterThanOrEqual(textAt as number)
  })
})
