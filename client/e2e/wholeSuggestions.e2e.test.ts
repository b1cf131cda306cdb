import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a table and a footnote suggested whole', () => {
  const session = useBrowserSession()

  const cardTexts = (page: Page) => page.locator('.suggestion-card').allTextContents()

  it('a member inserts them in review; the coordinator rejects the table and accepts the footnote', async () => {
    const maria = await session.server.newUser('member', 'Maria Member')
    const chris = await session.server.newUser('coordinator', 'Chris Coordinator')
    const cookie = await session.server.signIn(chris.email, chris.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Charter',
    })
    const url = `${session.server.url}/documents/${id}`
    const c = await session.openDocument(chris.email, chris.password, url)
    await c.locator('.ProseMirror').click()
    await c.keyboard.type('The rules apply to members.')
    await c.keyboard.press('Enter')
    await c.keyboard.type('They take effect at once.')
    await c.keyboard.press('Enter')
    await c.keyboard.type('The secretariat keeps them.')
    await session.server.api('PATCH', `/api/documents/${id}`, cookie, { status: 'review' })

    const m = await session.openDocument(maria.email, maria.password, url)
    await expect
      .poll(() => m.locator('.suggest-mode-banner').textContent())
      .toContain('recorded as suggestions')
    await m.locator('.ProseMirror p').first().click()
    await m.keyboard.press('End')
    await m.getByRole('button', { name: 'Insert footnote' }).click()
    await m.keyboard.type('As agreed.')
    await expect.poll(() => c.locator('.ProseMirror .footnote').count()).toBe(1)
    await expect.poll(() => cardTexts(c)).toHaveLength(1)

    await m.locator('.ProseMirror p').nth(1).click()
    await m.keyboard.press('End')
    await m.getByRole('button', { name: 'Insert table' }).click()
    await expect.poll(() => c.locator('.ProseMirror table').count()).toBe(1)
    const cards = c.locator('.suggestion-card')
    await expect.poll(() => cards.count()).toBe(2)

    // The table's card is the second, in document order.
    await cards
      .nth(1)
      .getByRole('button', { name: 'Reject the suggestion by Maria Member' })
      .click()
    await expect.poll(() => c.locator('.ProseMirror table').count()).toBe(0)
    await expect.poll(() => m.locator('.ProseMirror table').count()).toBe(0)
    await cards
      .nth(0)
      .getByRole('button', { name: 'Accept the suggestion by Maria Member' })
      .click()
    await expect.poll(() => cards.count()).toBe(0)
    for (const page of [m, c]) {
      // In suggest mode the space the footnote starts with stays before the typed words.
      await expect
        .poll(async () =>
          (await page.locator('.ProseMirror .footnote').allTextContents()).map((t) => t.trim()),
        )
        .toEqual(['As agreed.'])
      await expect.poll(() => page.locator('.ProseMirror [data-suggestion-kind]').count()).toBe(0)
      await expect.poll(() => page.locator('.ProseMirror ins, .ProseMirror del').count()).toBe(0)
    }
  })
})
