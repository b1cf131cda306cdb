import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { saved } from './utils/saveState'
import { useBrowserSession } from './utils/useBrowserSession'

/**
 * What Chromium did on a busy page (seen in `redline.e2e` and a seeded typing run under load):
 * a key right after an Enter wrote its character into the new, empty paragraph and left the
 * page's selection before it (`<p>P<br></p>`, caret at the paragraph's start). Done here by
 * hand, the same way: the character goes into the page, the selection to the paragraph's
 * start, and ProseMirror reads both.
 */
const chromiumTypesBeforeTheCaret = (page: Page, character: string) =>
  page.evaluate((text) => {
    const selection = document.getSelection()
    const paragraph = selection?.anchorNode
    if (!(paragraph instanceof HTMLParagraphElement) || paragraph.textContent !== '')
      throw new Error('the caret is not in an empty paragraph')
    paragraph.insertBefore(document.createTextNode(text), paragraph.firstChild)
    selection?.collapse(paragraph, 0)
  }, character)

/** Takes this extension's plugin out of the live editor, to show what happens without it. */
const withoutTheGuard = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('.ProseMirror') as unknown as {
      editor: { unregisterPlugin(name: string): void }
    }
    host.editor.unregisterPlugin('caretAfterTypedText')
  })

const paragraphs = (page: Page) => page.locator('.ProseMirror > p').allTextContents()

describe('the caret stays after what is typed', () => {
  const session = useBrowserSession()

  it('a character the page writes before its caret in a new paragraph still ends before the caret, here and on the server', async () => {
    const member = await session.server.newUser('member', 'Kanat Keys')
    const cookie = await session.server.signIn(member.email, member.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Preface',
    })
    const url = `${session.server.url}/documents/${id}`
    const page = await session.openDocument(member.email, member.password, url)
    await page.locator('.ProseMirror').click()

    await page.keyboard.type('Paragraph 1 of the preface.')
    await page.keyboard.press('Enter')
    await chromiumTypesBeforeTheCaret(page, 'P')
    await page.keyboard.type('aragraph 2 of the preface.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Paragraph 3 of the preface.')
    expect(await paragraphs(page)).toEqual([
      'Paragraph 1 of the preface.',
      'Paragraph 2 of the preface.',
      'Paragraph 3 of the preface.',
    ])
    await saved(page)
    const markdown = await (
      await fetch(`${session.server.url}/api/documents/${id}/export?format=md`, {
        headers: { Cookie: cookie },
      })
    ).text()
    expect(markdown).toContain('Paragraph 2 of the preface.\n\nParagraph 3 of the preface.')

    // The same without the guard: every later key goes in front of the "P", which travels on.
    await withoutTheGuard(page)
    await page.keyboard.press('Enter')
    await chromiumTypesBeforeTheCaret(page, 'P')
    await page.keyboard.type('aragraph 4 of the preface.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Paragraph 5 of the preface.')
    expect((await paragraphs(page)).slice(3)).toEqual([
      'aragraph 4 of the preface.',
      'Paragraph 5 of the preface.P',
    ])
  })
})
