import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentWithTranslation } from './utils/documentWithTranslation'
import { sendRawUpdate } from './utils/rawUpdate'
import { serviceWorkerActive } from './utils/serviceWorker'
import { useBrowserSession } from './utils/useBrowserSession'

const MARK = 'Article 1. Everyone has the right to privacy.'

describe('the offline copy of the app', () => {
  const session = useBrowserSession()

  /**
   * A page in a browser that has never seen the app, signed in with `cookie`, that notes when
   * `editors` editors first show text and when the browser first asks for the worker's script.
   */
  const firstVisit = async (cookie: string, editors: number) => {
    const context = await session.newContext()
    const [name, value] = cookie.split('=') as [string, string]
    await context.addCookies([{ name, value, url: session.server.url }])
    await context.addInitScript((count) => {
      const observer = new MutationObserver(() => {
        const shown = [...document.querySelectorAll('.ProseMirror')].filter(
          (editor) => (editor.textContent ?? '').trim() !== '',
        )
        if (shown.length < count) return
        ;(window as unknown as { textAt: number }).textAt = Date.now()
        observer.disconnect()
      })
      observer.observe(document, { childList: true, subtree: true, characterData: true })
    }, editors)
    const worker: { askedAt?: number } = {}
    context.on('request', (request) => {
      if (new URL(request.url()).pathname === '/sw.js') worker.askedAt ??= Date.now()
    })
    return { page: await context.newPage(), worker }
  }

  /** The worker became active, and was asked for only once the text was on screen. */
  const installedAfterText = async (page: Page, worker: { askedAt?: number }) => {
    await serviceWorkerActive(page)
    const textAt = await page.evaluate(() => (window as unknown as { textAt?: number }).textAt)
    expect(textAt).toBeDefined()
    expect(worker.askedAt).toBeDefined()
    expect(worker.askedAt).toBeGreaterThanOrEqual(textAt as number)
  }

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

    const { page, worker } = await firstVisit(cookie, 1)
    await page.goto(`${server.url}/documents/${id}`)
    await installedAfterText(page, worker)
    expect(await page.locator('.ProseMirror').textContent()).toContain(MARK)
  })

  it('is installed once the side-by-side view, opened first, has drawn both texts', async () => {
    const { server } = session
    const coordinator = await server.newUser('coordinator', 'Ruslan Coordinator')
    const { translationId, cookie } = await documentWithTranslation(session, coordinator, {
      fill: 'source',
    })
    const { page, worker } = await firstVisit(cookie, 2)
    await page.goto(`${server.url}/documents/${translationId}/side-by-side`)
    await installedAfterText(page, worker)
  })
})
