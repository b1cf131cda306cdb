import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { expectAccessible } from './utils/checkAccessibility'
import { selectWords } from './utils/selectWords'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a review round’s comments: the redline, live decisions on suggestions, the compilation', () => {
  const session = useBrowserSession()

  it('a proposed change reads as a redline; a decision on a suggestion reaches the member live; the round’s compilation downloads', async () => {
    const anna = await session.server.newUser('member', 'Anna Petrova')
    const kate = await session.server.newUser('coordinator', 'Kate Coordinator')
    const kateCookie = await session.server.signIn(kate.email, kate.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', kateCookie, {
      title: 'Declaration',
    })
    const url = `${session.server.url}/documents/${id}`
    const a = await session.openDocument(anna.email, anna.password, url)
    const k = await session.openDocument(kate.email, kate.password, url)
    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Everyone has the right to privacy.')
    await expect
      .poll(() => k.locator('.ProseMirror').textContent())
      .toContain('the right to privacy.')

    // Kate opens a review round: what Anna writes now is a suggestion.
    await session.server.api('POST', `/api/documents/${id}/review-rounds`, kateCookie, {
      deadline: new Date(Date.now() + 48 * 3600_000).toISOString(),
      participants: 'everyone',
      afterClose: 'draft',
    })
    await expect
      .poll(() => a.locator('.suggest-mode-banner').textContent(), { timeout: 10_000 })
      .toContain('recorded as suggestions')

    // Anna comments on "privacy", proposing other words, by keyboard.
    await selectWords(a, 'Everyone', 'privacy')
    await a.keyboard.press('Control+Alt+m')
    await a.getByLabel('Your comment').fill('Too narrow')
    await a.getByLabel('Proposed change (optional)').focus()
    await a.keyboard.type('private and family life')
    await a.getByRole('button', { name: 'Post comment' }).press('Enter')

    // Kate sees the proposed change as a redline against "privacy", with words for screen readers.
    const thread = k.locator('.comment-thread').first()
    await expect.poll(() => thread.locator('.comment-redline del').count()).toBe(1)
    expect(await thread.locator('.comment-redline del').textContent()).toBe('deleted: privacy')
    expect(await thread.locator('.comment-redline ins').textContent()).toBe(
      'inserted: private and family life',
    )
    // Struck and underlined, not colour alone.
    expect(
      await thread
        .locator('.comment-redline del')
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('line-through')
    expect(
      await thread
        .locator('.comment-redline ins')
        .evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('underline')
    await expectAccessible(k, 'proposed change as a redline')
    await thread.scrollIntoViewIfNeeded()
    await docScreenshot(k, 'proposed-change-redline')

    // Anna's edit in the round is a suggestion; Kate records a decision on it.
    await a.locator('.ProseMirror').click()
    await a.keyboard.press('End')
    await a.keyboard.press('ArrowLeft')
    await a.keyboard.type(' online')
    const kateCard = k.locator('.suggestion-card').first()
    const annaCard = a.locator('.suggestion-card').first()
    await expect.poll(() => kateCard.textContent()).toContain('Anna Petrova')
    await expect.poll(() => annaCard.textContent()).toContain('online')
    await kateCard.locator('summary', { hasText: 'Decision' }).focus()
    await k.keyboard.press('Enter')
    await kateCard.getByLabel('Decision', { exact: true }).selectOption('noted')
    await kateCard.getByLabel('Reason (observations of the secretariat)').fill('Clause 2 covers it')
    await kateCard.getByRole('button', { name: 'Record decision' }).press('Enter')
    // Anna's open panel shows it without reloading; withdrawn, it goes from hers too.
    await expect
      .poll(() => annaCard.locator('.suggestion-decision').textContent(), { timeout: 10_000 })
      .toContain('Noted')
    expect(await annaCard.locator('.suggestion-decision').textContent()).toContain(
      'Clause 2 covers it',
    )

    // The compilation of the round: chosen by keyboard beside the downloads.
    const scope = k.getByLabel('Comments to compile')
    await expect.poll(() => scope.locator('option').count()).toBe(2)
    await scope.focus()
    await k.keyboard.press('ArrowDown')
    await expect.poll(() => scope.inputValue()).not.toBe('')
    const href = await k.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')
    expect(href).toContain(`round=${await scope.inputValue()}`)
    const csv = await k.evaluate(async (path) => (await fetch(path as string)).text(), href)
    expect(csv).toContain('"Too narrow","private and family life"')
    expect(csv).toContain('"Noted","Clause 2 covers it"')

    // The decisions summed for the round.
    const summary = k.locator('.round-decisions')
    await summary.locator('summary').focus()
    await k.keyboard.press('Enter')
    await expect.poll(() => summary.textContent()).toContain('(open)')
    await expect.poll(() => summary.textContent()).toContain('2 in all, 1 without a decision')
    await expect.poll(() => summary.textContent()).toContain('Noted: 1')
    await expectAccessible(k, 'compilation of a review round')
    await summary.scrollIntoViewIfNeeded()
    await docScreenshot(k, 'compilation-rounds')

    await kateCard.getByRole('button', { name: 'Withdraw decision' }).press('Enter')
    await expect
      .poll(() => annaCard.locator('.suggestion-decision').count(), { timeout: 10_000 })
      .toBe(0)
  })
})
