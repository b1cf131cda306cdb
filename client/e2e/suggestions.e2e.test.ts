import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { selectionSettled } from './utils/selectionSettled'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a review round with suggestions in two browsers', () => {
  const session = useBrowserSession()

  const open = session.openDocument

  /** The text of every `tag` (ins, del, p) in the editor, without other people's caret labels. */
  const marked = (page: Page, tag: 'ins' | 'del' | 'p') =>
    page.evaluate(
      (selector) =>
        Array.from(document.querySelectorAll(selector))
          .map((el) => {
            const copy = el.cloneNode(true) as HTMLElement
            for (const caret of copy.querySelectorAll('[class*="caret"]')) caret.remove()
            return copy.textContent ?? ''
          })
          .join(''),
      `.ProseMirror ${tag}`,
    )

  it('a member suggests in review, the coordinator sees it live, accepts one and rejects one', async () => {
    const maria = await session.server.newUser('member', 'Maria Member')
    const chris = await session.server.newUser('coordinator', 'Chris Coordinator')
    const cookie = await session.server.signIn(chris.email, chris.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Charter',
    })
    const url = `${session.server.url}/documents/${id}`
    const c = await open(chris.email, chris.password, url)
    await c.locator('.ProseMirror').click()
    await c.keyboard.type('The rules apply to members.')
    await session.server.api('PATCH', `/api/documents/${id}`, cookie, { status: 'review' })

    const m = await open(maria.email, maria.password, url)
    // In review the member is told that changes are suggestions.
    await expect
      .poll(() => m.locator('.suggest-mode-banner').textContent())
      .toContain('recorded as suggestions')
    await m.locator('.ProseMirror').click()
    await m.keyboard.press('End')
    await m.keyboard.press('ArrowLeft')
    await m.keyboard.type(' today')
    // The typed words are a suggested insertion, underlined, in both browsers.
    await expect.poll(() => marked(m, 'ins')).toBe(' today')
    await expect.poll(() => marked(c, 'ins')).toBe(' today')
    // Select "rules " and delete it with Backspace: struck through, still there.
    await m.keyboard.press('Home')
    for (let i = 0; i < 'The '.length; i++) await m.keyboard.press('ArrowRight')
    for (let i = 0; i < 'rules '.length; i++) await m.keyboard.press('Shift+ArrowRight')
    await selectionSettled(m, 'rules ')
    await m.keyboard.press('Backspace')
    await expect.poll(() => marked(c, 'del')).toBe('rules ')

    // The coordinator's panel lists both, in document order, with the author.
    const cards = c.locator('.suggestion-card')
    await expect.poll(() => cards.count()).toBe(2)
    await expect.poll(() => cards.nth(0).textContent()).toContain('rules')
    await expect.poll(() => cards.nth(0).textContent()).toContain('Maria Member')
    await expect.poll(() => cards.nth(1).textContent()).toContain('Insertion')
    // "Decide on" and its buttons stay inside the panel, however long the options.
    const overflowing = await c.locator('.suggestions-panel').evaluate((panel) => {
      const right = panel.getBoundingClientRect().right
      return [...panel.querySelectorAll('.suggestions-bulk > *')]
        .filter((control) => control.getBoundingClientRect().right > right + 1)
        .map((control) => control.textContent)
    })
    expect(overflowing).toEqual([])
    await cards
      .nth(1)
      .getByRole('button', { name: 'Accept the suggestion by Maria Member' })
      .click()
    await expect.poll(() => cards.count()).toBe(1)
    await cards
      .nth(0)
      .getByRole('button', { name: 'Reject the suggestion by Maria Member' })
      .click()
    await expect.poll(() => cards.count()).toBe(0)

    // Both browsers converge on the decided text, without suggestion marks.
    for (const page of [m, c]) {
      await expect.poll(() => marked(page, 'p')).toBe('The rules apply to members today.')
      await expect.poll(() => page.locator('.ProseMirror ins, .ProseMirror del').count()).toBe(0)
    }
  })
})
