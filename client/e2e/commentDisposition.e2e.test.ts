import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { expectAccessible } from './utils/checkAccessibility'
import { selectBack } from './utils/selectionSettled'
import { useBrowserSession } from './utils/useBrowserSession'

describe('comment disposition in the comments panel, by keyboard', () => {
  const session = useBrowserSession()

  it('a member posts a typed comment with a proposed change; a coordinator records a decision the member sees live', async () => {
    const anna = await session.server.newUser('member', 'Anna Petrova')
    const kate = await session.server.newUser('coordinator', 'Kate Coordinator')
    const cookie = await session.server.signIn(anna.email, anna.password)
    // Anna puts her organization on her profile.
    const profile = await session.signedIn(anna.email, anna.password)
    await profile.goto(`${session.server.url}/profile`)
    await profile.getByLabel('Organization or member body').fill('City of Kazan')
    await profile.getByLabel('Organization or member body').press('Enter')
    await expect.poll(() => profile.getByText('Saved').count()).toBeGreaterThan(0)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Declaration',
    })
    const url = `${session.server.url}/documents/${id}`
    const a = await session.openDocument(anna.email, anna.password, url)
    const k = await session.openDocument(kate.email, kate.password, url)

    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Everyone has the right to privacy.')
    await a.keyboard.press('ArrowLeft')
    await selectBack(a, 'privacy')
    await a.keyboard.press('Control+Alt+m')
    await a.getByLabel('Your comment').fill('Too narrow')
    // The rest by keyboard: Tab to the type, choose it, Tab to the proposed change.
    await a.keyboard.press('Tab')
    await expect
      .poll(() => a.evaluate(() => document.activeElement?.id))
      .toBe(await a.getByLabel('Type of comment').getAttribute('id'))
    await a.getByLabel('Type of comment').selectOption('technical')
    await a.getByLabel('Proposed change (optional)').focus()
    await a.keyboard.type('private and family life')
    await a.getByRole('button', { name: 'Post comment' }).press('Enter')

    const thread = k.locator('.comment-thread').first()
    await expect.poll(() => thread.textContent()).toContain('Too narrow')
    await expect.poll(() => thread.textContent()).toContain('Technical')
    await expect.poll(() => thread.textContent()).toContain('private and family life')
    await expect.poll(() => thread.textContent()).toContain('No decision yet')
    // A member has no decision form.
    await expect.poll(() => a.locator('.disposition-details').count()).toBe(0)

    await thread.locator('summary', { hasText: 'Decision' }).focus()
    await k.keyboard.press('Enter')
    await thread.getByLabel('Decision', { exact: true }).selectOption('rejected')
    await thread.getByLabel('Reason (observations of the secretariat)').focus()
    await k.keyboard.type('Outside the scope of this clause')
    await thread.getByRole('button', { name: 'Record decision' }).press('Enter')

    const annaThread = a.locator('.comment-thread').first()
    await expect.poll(() => annaThread.textContent()).toContain('Rejected')
    await expect.poll(() => annaThread.textContent()).toContain('Outside the scope of this clause')
    await expect
      .poll(() => k.locator('.ProseMirror').textContent())
      .toContain('Everyone has the right to')
    await k.evaluate(() => window.scrollTo(0, 0))
    await docScreenshot(k, 'comment-disposition')
    await expectAccessible(k, 'comment disposition')

    // Filtered by decision (in the list view): rejected shows it, accepted does not.
    await k.locator('.comments-view label', { hasText: 'List' }).click()
    const filter = k.locator('.decision-filter select')
    await filter.selectOption('accepted')
    await expect.poll(() => k.locator('.comment-thread').count()).toBe(0)
    await filter.selectOption('rejected')
    await expect.poll(() => k.locator('.comment-thread').count()).toBe(1)

    // In review, Anna's words are a suggestion; Kate records a decision on it, then accepts it.
    const kateCookie = await session.server.signIn(kate.email, kate.password)
    await session.server.api('PATCH', `/api/documents/${id}`, kateCookie, { status: 'review' })
    await expect
      .poll(() => a.locator('.suggest-mode-banner').textContent())
      .toContain('recorded as suggestions')
    await a.locator('.ProseMirror').click()
    await a.keyboard.press('End')
    await a.keyboard.press('ArrowLeft')
    await a.keyboard.type(' online')
    const card = k.locator('.suggestion-card').first()
    await expect.poll(() => card.textContent()).toContain('Anna Petrova')
    await card.locator('summary', { hasText: 'Decision' }).focus()
    await k.keyboard.press('Enter')
    await card.getByLabel('Decision', { exact: true }).selectOption('noted')
    await card.getByLabel('Reason (observations of the secretariat)').fill('Covered by clause 2')
    await card.getByRole('button', { name: 'Record decision' }).press('Enter')
    await expect.poll(() => card.locator('.suggestion-decision').textContent()).toContain('Noted')
    await expectAccessible(k, 'suggestion disposition')
    await card.getByRole('button', { name: 'Accept the suggestion by Anna Petrova' }).click()
    await expect.poll(() => k.locator('.suggestion-card').count()).toBe(0)

    // The per-clause summary and the compilation, with the organization from the profile.
    await k.locator('.clause-decisions summary').click()
    await expect.poll(() => k.locator('.clause-decisions').textContent()).toContain('Rejected: 1')
    const href = await k.getByRole('link', { name: 'Download as CSV' }).getAttribute('href')
    const csv = await k.evaluate(async (path) => (await fetch(path as string)).text(), href)
    expect(csv).toContain('"City of Kazan","Anna Petrova"')
    expect(csv).toContain('"Rejected","Outside the scope of this clause"')
    // The accepted suggestion stays in the compilation with its decision.
    expect(csv).toContain('" online","Noted","Covered by clause 2"')
  })
})
