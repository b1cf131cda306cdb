import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blockText } from './utils/editorText'
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
})
