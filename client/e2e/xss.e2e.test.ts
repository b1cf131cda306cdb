import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { signInThroughForm } from './utils/browser'
import { updateFrame } from './utils/rawUpdate'
import { useBrowserSession } from './utils/useBrowserSession'

/** Every payload sets a flag on window if it ever runs. */
const PASTED_HTML = `
<p>before <img src="x" onerror="window.__pwned='img'"> middle
<script>window.__pwned='script'</script>
<a href="javascript:window.__pwned='js-link'">js link</a>
<a href="JaVaScRiPt:window.__pwned='js-link-2'">js link 2</a>
<a href="data:text/html,<script>parent.__pwned='data'</script>">data link</a>
<a href="https://example.org/ok">good link</a>
<span onmouseover="window.__pwned='hover'">hover</span>
<iframe src="javascript:parent.__pwned='iframe'"></iframe>
<svg><script>window.__pwned='svg'</script></svg> after</p>`

/**
 * The same, written straight into the shared Y.XmlFragment by a client that skips the editor:
 * blocks the schema knows, with hostile attributes and links (the server passes these on; the
 * editor must render them inert), and, from another client, elements the schema does not know
 * (the server refuses those: no editor ever gets them).
 */
const rawHostileUpdates = (): Uint8Array[] => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute('onclick', "window.__pwned='attr'")
  const text = new Y.XmlText()
  text.insert(0, 'raw js link', { link: { href: "javascript:window.__pwned='raw-link'" } })
  text.insert(text.length, ' raw data link', {
    link: { href: "data:text/html,<script>parent.__pwned='raw-data'</script>" },
  })
  text.insert(text.length, ' raw good link', { link: { href: 'https://example.org/raw' } })
  paragraph.insert(0, [text])
  const heading = new Y.XmlElement('heading')
  heading.setAttribute('level', "1 onmouseover=window.__pwned='level'")
  heading.insert(0, [new Y.XmlText('raw heading')])
  fragment.insert(0, [paragraph, heading])
  const unknown = new Y.Doc()
  const image = new Y.XmlElement('img')
  image.setAttribute('src', 'x')
  image.setAttribute('onerror', "window.__pwned='raw-img'")
  const script = new Y.XmlElement('script')
  script.insert(0, [new Y.XmlText("window.__pwned='raw-script'")])
  unknown.getXmlFragment('default').insert(0, [image, script])
  return [Y.encodeStateAsUpdate(unknown), Y.encodeStateAsUpdate(doc)]
}

/** What in the editor could run script: event-handler attributes, script-ish elements, unsafe links. */
const dangerous = (page: Page) =>
  page.evaluate(() => {
    const editor = document.querySelector('.ProseMirror')
    if (!editor) return ['no editor']
    const found: string[] = []
    for (const el of editor.querySelectorAll('*')) {
      for (const attr of el.getAttributeNames()) {
        if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`)
      }
      if (/^(SCRIPT|IFRAME|OBJECT|EMBED|IMG|SVG)$/i.test(el.tagName)) found.push(el.tagName)
    }
    for (const a of editor.querySelectorAll('a[href]')) {
      const href = a.getAttribute('href') ?? ''
      if (href !== '' && !/^(https?:|mailto:|#|\/)/i.test(href)) found.push(`A ${href}`)
    }
    return found
  })

describe('script in pasted or shared content never runs in the editor', () => {
  const session = useBrowserSession()

  const open = async (email: string, password: string, id: string) => {
    const context = await session.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    const dialogs: string[] = []
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await signInThroughForm(page, session.server.url, email, password)
    await page.goto(`${session.server.url}/documents/${id}`)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    return { page, dialogs }
  }

  it('pasted HTML and raw Y.XmlFragment content are rendered inert, links pass the allowlist', async () => {
    const victim = await session.server.newUser('member', 'Vera Victim')
    const attacker = await session.server.newUser('member', 'Mallory Raw')
    const cookie = await session.server.signIn(victim.email, victim.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'XSS',
    })
    const { page, dialogs } = await open(victim.email, victim.password, id)
    const editor = page.locator('.ProseMirror')

    // A paste, as from another site's clipboard.
    await editor.click()
    await page.evaluate((html) => {
      const data = new DataTransfer()
      data.setData('text/html', html)
      data.setData('text/plain', 'plain fallback')
      const target = document.querySelector('.ProseMirror') as HTMLElement
      target.dispatchEvent(
        new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }),
      )
    }, PASTED_HTML)
    await expect.poll(() => editor.textContent()).toContain('good link')

    // Another member's raw socket writes the same kinds of thing into the shared document.
    const { page: rawPage } = await open(attacker.email, attacker.password, id)
    await rawPage.evaluate(
      async ({ frames, url }) => {
        const ws = new WebSocket(url)
        ws.binaryType = 'arraybuffer'
        await new Promise((resolve) => ws.addEventListener('open', resolve))
        for (const frame of frames) ws.send(new Uint8Array(frame))
        await new Promise((resolve) => setTimeout(resolve, 300))
        ws.close()
      },
      {
        frames: rawHostileUpdates().map(updateFrame),
        url: `${session.server.url.replace(/^http/, 'ws')}/collab/${id}`,
      },
    )
    await expect.poll(() => editor.textContent()).toContain('raw good link')

    // Hover and click across everything, as a reader would.
    for (const box of await editor.locator('a, span, p, h1, h2, h3').all()) {
      await box.hover().catch(() => undefined)
    }
    await page.waitForTimeout(300)

    expect(await dangerous(page)).toEqual([])
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBe(
      undefined,
    )
    expect(dialogs).toEqual([])
    const hrefs = await editor
      .locator('a')
      .evaluateAll((links) => links.map((a) => a.getAttribute('href')))
    expect(hrefs).toContain('https://example.org/ok')
    expect(hrefs).toContain('https://example.org/raw')
    for (const href of hrefs) expect(href ?? '').toMatch(/^(https?:\/\/|mailto:|$)/)
    const text = (await editor.textContent()) ?? ''
    for (const words of ['js link', 'data link', 'raw js link', 'raw heading']) {
      expect(text).toContain(words)
    }
    expect(text).not.toContain('raw-script')
  })
})
