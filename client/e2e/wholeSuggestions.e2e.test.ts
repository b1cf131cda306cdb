import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { blockText } from './utils/editorText'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a table and a footnote suggested whole', () => {
  const session = useBrowserSession()

  const cardTexts = (page: Page) => page.locator('.suggestion-card').allTextContents()

  /**
   * A coordinator (c) writes `lines` and puts the document in review; a member (m, named
   * `member`) opens it, in suggest mode. Names make the accounts: one pair per test.
   */
  const inReview = async (lines: readonly string[], member: string, coordinator: string) => {
    const maria = await session.server.newUser('member', member)
    const chris = await session.server.newUser('coordinator', coordinator)
    const cookie = await session.server.signIn(chris.email, chris.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Charter',
    })
    const url = `${session.server.url}/documents/${id}`
    const c = await session.openDocument(chris.email, chris.password, url)
    await c.locator('.ProseMirror').click()
    for (const [i, line] of lines.entries()) {
      if (i > 0) await c.keyboard.press('Enter')
      await c.keyboard.type(line)
    }
    await session.server.api('PATCH', `/api/documents/${id}`, cookie, { status: 'review' })

    const m = await session.openDocument(maria.email, maria.password, url)
    await expect
      .poll(() => m.locator('.suggest-mode-banner').textContent())
      .toContain('recorded as suggestions')
    return { c, m }
  }

  it('a member inserts them in review; the coordinator rejects the table and accepts the footnote', async () => {
    const { c, m } = await inReview(
      ['The rules apply to members.', 'They take effect at once.', 'The secretariat keeps them.'],
      'Maria Member',
      'Chris Coordinator',
    )
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
      // The words typed replaced the space the footnote starts with.
      await expect
        .poll(() => page.locator('.ProseMirror .footnote').allTextContents())
        .toEqual(['As agreed.'])
      await expect.poll(() => page.locator('.ProseMirror [data-suggestion-kind]').count()).toBe(0)
      await expect.poll(() => page.locator('.ProseMirror ins, .ProseMirror del').count()).toBe(0)
    }
  })

  it('a member in review inserts a table as the last block; it arrives, and is rejected, whole', async () => {
    const { c, m } = await inReview(
      ['The secretariat keeps the rules.'],
      'Mila Member',
      'Carl Coordinator',
    )
    await m.locator('.ProseMirror p').first().click()
    await m.keyboard.press('End')
    await m.getByRole('button', { name: 'Insert table' }).click()
    // The cursor is in the new table's first cell.
    await m.keyboard.type('Office')
    // The server took the table with the empty paragraph the editor adds after a final table.
    await expect.poll(() => blockText(c.locator('.ProseMirror table th').first())).toBe('Office')
    await expect.poll(() => c.locator('.ProseMirror > p').count()).toBe(2)
    const cards = c.locator('.suggestion-card')
    await expect.poll(() => cards.count()).toBe(1)
    await cards.getByRole('button', { name: 'Reject the suggestion by Mila Member' }).click()
    for (const page of [m, c]) {
      await expect.poll(() => page.locator('.ProseMirror table').count()).toBe(0)
      await expect.poll(() => page.locator('.ProseMirror > p').count()).toBe(1)
      await expect
        .poll(() => blockText(page.locator('.ProseMirror > p').first()))
        .toBe('The secretariat keeps the rules.')
    }
    await expect.poll(() => cards.count()).toBe(0)
  })
})
