import type { Page, Response } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { putCaret, textBlocks } from './utils/caret'
import { blockText } from './utils/editorText'
import { pasteAtCaret } from './utils/pastePlainText'
import { sendRawUpdate } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

const SOURCES = 'https://example.org/sources'
const ANNEX = 'https://example.org/annex'
const TYPED = 'https://example.org/typed'

const text = (page: Page) => page.locator('.ProseMirror').textContent()
const links = (page: Page) =>
  page.locator('.ProseMirror a').evaluateAll((all) => all.map((a) => a.getAttribute('href')))
const linkedWords = (page: Page) =>
  page
    .locator('.ProseMirror a')
    .evaluateAll((all) => all.map((a) => `${a.textContent} → ${a.getAttribute('href')}`))
/** The chunk that finds addresses, fetched once the text is shown (`LinkDetection`). */
const DETECTORS = /\/assets\/linkDetectors-[\w-]+\.js$/
/** Once the page has run that chunk (an import of the same module settles after the page's). */
const detectionRun = async (page: Page, fetched: Promise<Response>) => {
  const src = (await fetched).url()
  // As a string: the test's own `import()` would be rewritten for Node by vitest.
  await page.evaluate(`import(${JSON.stringify(src)}).then(() => {})`)
}

describe('web addresses become links where they are typed, and nowhere else', () => {
  const session = useBrowserSession()

  it('opening a text, or another person typing a space after an address, links nothing; typing one does', async () => {
    // The author's client links nothing: the first paragraph ends in a bare address (what
    // Tiptap's autolink, given the whole text on opening, links in the first paragraph).
    const second = new Y.XmlElement('paragraph')
    const secondText = new Y.XmlText('See the annex:')
    second.insert(0, [secondText])
    const { id, url, cookie, authorPage, doc } = await seededDocument(
      session,
      { role: 'member', name: 'Aigul Author' },
      'Sources',
      [yParagraph(`Sources: ${SOURCES}`), second, yParagraph('Notes.')],
    )
    const page = await session.newPersonOpens({ role: 'member', name: 'Bakyt Opener' }, url)
    await expect.poll(() => text(page)).toContain(SOURCES)
    // The author types a space after an address.
    const before = Y.encodeStateVector(doc)
    secondText.insert(secondText.length, ` ${ANNEX} `)
    await sendRawUpdate(authorPage, session.server.url, id, Y.encodeStateAsUpdate(doc, before))
    await expect.poll(() => text(page)).toContain(ANNEX)
    await saved(page)
    expect(await links(page)).toEqual([])

    // The opener's own typing is linked as ever.
    await page.locator('.ProseMirror > p').last().click()
    await page.keyboard.press('End')
    await page.keyboard.type(` Typed: ${TYPED} and more.`)
    await expect.poll(() => links(page)).toEqual([TYPED])
    await saved(page)
    const markdown = await (
      await fetch(`${session.server.url}/api/documents/${id}/export?format=md`, {
        headers: { Cookie: cookie },
      })
    ).text()
    expect(markdown).toContain(`Sources: ${SOURCES}`)
    expect(markdown).toContain(`See the annex: ${ANNEX}`)
    expect(markdown).not.toContain(`(${SOURCES})`)
    expect(markdown).not.toContain(`<${SOURCES}>`)
    expect(markdown).not.toContain(`(${ANNEX})`)
    expect(markdown).not.toContain(`<${ANNEX}>`)
    expect(markdown).toMatch(new RegExp(`[<(]${TYPED}[>)]`))
  })
  it('two people typing addresses in one paragraph at once each link their own; everyone, an observer too, sees both', async () => {
    const { a, b, id, url, cookie } = await session.twoPeopleInOneDocument(
      { role: 'member', name: 'Gulnara Member' },
      { role: 'member', name: 'Hayk Member' },
      'Two addresses',
    )
    const c = await session.newPersonOpens({ role: 'observer', name: 'Iskander Observer' }, url)
    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Both write here.')
    await expect.poll(() => text(b)).toContain('Both write here.')
    await a.keyboard.press('Home')
    await b.locator('.ProseMirror > p').first().click()
    await b.keyboard.press('End')
    await Promise.all([
      a.keyboard.type(`${ANNEX} first. `, { delay: 20 }),
      b.keyboard.type(` Then ${TYPED} too.`, { delay: 20 }),
    ])
    const expected = `${ANNEX} first. Both write here. Then ${TYPED} too.`
    for (const page of [a, b, c]) {
      await expect.poll(() => blockText(page.locator('.ProseMirror > p').first())).toBe(expected)
      await expect.poll(() => links(page)).toEqual([ANNEX, TYPED])
    }
    await saved(a)
    await saved(b)
    const markdown = await (
      await fetch(`${session.server.url}/api/documents/${id}/export?format=md`, {
        headers: { Cookie: cookie },
      })
    ).text()
    for (const address of [ANNEX, TYPED])
      expect(markdown.split(address).length - 1, markdown).toBeLessThanOrEqual(2)
    expect(markdown).toMatch(new RegExp(`[<(]${ANNEX}[>)]`))
    expect(markdown).toMatch(new RegExp(`[<(]${TYPED}[>)]`))
  })
  it('addresses in pasted text become links, and an address pasted over selected words links them', async () => {
    const { url } = await seededDocument(
      session,
      { role: 'member', name: 'Jamila Author' },
      'Pasted addresses',
      [yParagraph('Read the report.'), yParagraph('Notes.')],
    )
    const asked: { fetched?: Promise<Response> } = {}
    const page = await session.newPersonOpens(
      { role: 'member', name: 'Kanat Paster' },
      url,
      async (page) => {
        asked.fetched = page.waitForResponse(DETECTORS)
      },
    )
    if (!asked.fetched) throw new Error('the page was opened without being prepared')
    // The finding of addresses arrives after the text (its own chunk).
    await detectionRun(page, asked.fetched)
    await page.locator('.ProseMirror > p').last().click()
    await page.keyboard.press('End')
    await pasteAtCaret(page, ` Sources: ${SOURCES} and javascript:alert(1).`)
    await expect.poll(() => linkedWords(page)).toEqual([`${SOURCES} → ${SOURCES}`])
    // "report" selected in the editor itself: a selection made with Shift+Arrow reaches the
    // editor on the browser's selectionchange, which a paste right after may overtake.
    const first = (await textBlocks(page))[0]
    if (!first) throw new Error('no first paragraph')
    const start = first.from + 'Read the '.length
    await putCaret(page, { from: start, to: start + 'report'.length })
    await pasteAtCaret(page, ANNEX)
    await expect
      .poll(() => linkedWords(page))
      .toEqual([`report → ${ANNEX}`, `${SOURCES} → ${SOURCES}`])
    expect(await blockText(page.locator('.ProseMirror > p').first())).toBe('Read the report.')
  })

  it('a finding of addresses the network dropped is fetched again at the next change', async () => {
    const { url } = await seededDocument(
      session,
      { role: 'member', name: 'Lola Author' },
      'Dropped code',
      [yParagraph('Text.')],
    )
    let refused = 0
    const page = await session.newPersonOpens(
      { role: 'member', name: 'Marat Typist' },
      url,
      (page) =>
        page.route(DETECTORS, (route) => {
          if (refused > 0) return route.continue()
          refused++
          return route.abort('connectionreset')
        }),
    )
    await expect.poll(() => refused).toBe(1)
    // The click is the next change (of the selection).
    const fetched = page.waitForResponse(DETECTORS)
    await page.locator('.ProseMirror > p').last().click()
    await detectionRun(page, fetched)
    await page.keyboard.press('End')
    await page.keyboard.type(` ${TYPED} now.`)
    await expect.poll(() => links(page)).toEqual([TYPED])
  })
})
