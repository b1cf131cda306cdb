import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a review round opened from the document page', () => {
  const session = useBrowserSession()

  it('the coordinator opens a round for one person; that person sees the deadline and their own progress', async () => {
    const { a: c, b: m } = await session.twoPeopleInOneDocument(
      { role: 'coordinator', name: 'Olga Coordinator' },
      { role: 'member', name: 'Mark Member' },
      'Charter',
    )

    await c.getByRole('button', { name: 'Open a review round' }).click()
    const form = c.getByRole('form', { name: 'Open a review round' })
    await form.getByLabel('Instructions').fill('Read the preamble, comment by Friday.')
    await form.getByLabel('Chosen people').check()
    await form.getByLabel('Mark Member').check()
    const a11y = await checkAccessibility(c, 'open round form')
    expect(a11y.blocking).toEqual([])
    await form.getByRole('button', { name: 'Open the round' }).click()

    // The member, on the same document, sees the round's banner without reloading.
    const banner = m.getByRole('region', { name: 'Review round' })
    await expect
      .poll(() => banner.textContent(), { timeout: 10_000 })
      .toContain('Review round until')
    await expect.poll(() => banner.textContent()).toContain('Read the preamble, comment by Friday.')
    await expect
      .poll(() => banner.textContent())
      .toContain('You have written 0 comments in this round.')
    expect((await checkAccessibility(m, 'review round banner')).blocking).toEqual([])
    await docScreenshot(m, 'review-round')
    // The status shows review for both.
    await expect.poll(() => c.getByRole('button', { name: 'Close the round now' }).count()).toBe(1)
    await c.getByRole('button', { name: 'Close the round now' }).click()
    await expect.poll(() => banner.count(), { timeout: 10_000 }).toBe(0)
  })
})
