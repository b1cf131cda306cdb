import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { consultationOn } from './utils/consultationOn'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

const DRAFT = '# Charter\n\n## Article 1. Access\n\nEvery resident may use the services.\n'

/**
 * Two coordinators moderate the same consultation, each in their own browser: a comment
 * from the public and each one's publication and decision reach the other's open page
 * without a reload, and so does the erasure of the commenter's data.
 */
describe('moderation is live for every coordinator', () => {
  const session = useBrowserSession()

  it('a comment arriving, a publication, a decision and an erasure appear on the other coordinator’s page', async () => {
    const { server } = session
    const { documentId, consultation } = await consultationOn(server, DRAFT)

    const moderating = async (name: string): Promise<Page> => {
      const person = await server.newUser('coordinator', name)
      const page = await session.signedIn(person.email, person.password, {
        viewport: { width: 1280, height: 900 },
      })
      await page.goto(`${server.url}/documents/${documentId}/consultations`)
      await page.getByRole('button', { name: 'Moderate comments' }).click()
      await page.getByText('No comments here.').waitFor()
      return page
    }
    const kate = await moderating('Kate Coordinator')
    const oleg = await moderating('Oleg Coordinator')

    // Someone from the public comments (no mail here: it goes straight to moderation).
    const sent = await fetch(
      `${server.url}/api/public/consultations/${consultation.slug}/comments`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          clauseId: (await clauseIdOf(server.url, consultation.slug)) ?? '',
          name: 'Dana Ivanova',
          email: 'dana@example.org',
          type: 'technical',
          body: 'Say which services.',
          consent: true,
          publishName: true,
        }),
      },
    )
    expect(sent.status).toBe(202)
    for (const page of [kate, oleg]) {
      const card = page.locator('.public-comment-card')
      await expect.poll(() => card.textContent()).toContain('Say which services.')
      await expect
        .poll(() => page.getByTestId('announcer').textContent())
        .toContain('New comment to moderate on clause 1.')
      await expect
        .poll(() => page.locator('.consultation-list').textContent())
        .toContain('1 waiting for moderation')
    }

    // Kate publishes: it leaves Oleg's pending list, which he did not reload.
    await kate.locator('.public-comment-card').getByRole('button', { name: 'Publish' }).click()
    await expect.poll(() => oleg.locator('.public-comment-card').count()).toBe(0)
    await expect
      .poll(() => oleg.locator('.consultation-list').textContent())
      .toContain('1 published')

    // Oleg looks at the published ones; Kate's decision shows up there as she records it.
    await oleg.getByLabel('Show comments').selectOption('published')
    const olegCard = oleg.locator('.public-comment-card')
    await expect.poll(() => olegCard.textContent()).toContain('Say which services.')
    await kate.getByLabel('Show comments').selectOption('published')
    const kateCard = kate.locator('.public-comment-card')
    await kateCard.getByLabel('Decision of the working group').selectOption('rejected')
    await kateCard.getByLabel('Reason (shown in the public report)').fill('Listed in annex 2.')
    await kateCard.getByRole('button', { name: 'Record decision' }).click()
    await expect
      .poll(() => olegCard.locator('.recorded-decision').textContent())
      .toBe('Recorded decision: Rejected — Listed in annex 2.')

    // Dana asks for her data to be erased: both open pages drop her name at once, and the
    // comment stays with its decision.
    const secretariat = await server.signIn(ADMIN.email, ADMIN.password)
    await server.api('POST', '/api/consultations/erasures', secretariat, {
      email: 'dana@example.org',
    })
    for (const card of [olegCard, kateCard]) {
      await expect.poll(() => card.locator('h3').textContent()).toContain('(data erased)')
      expect(await card.textContent()).not.toContain('Dana Ivanova')
      expect(await card.textContent()).toContain('name not shown publicly')
      expect(await card.locator('.recorded-decision').textContent()).toBe(
        'Recorded decision: Rejected — Listed in annex 2.',
      )
    }
  })
})

/** The first clause of the consultation's text, read from its public page's comment link. */
const clauseIdOf = async (url: string, slug: string): Promise<string | undefined> => {
  const page = await (await fetch(`${url}/consultations/${slug}`)).text()
  return new RegExp(`/consultations/${slug}/clauses/([^"#?]+)`).exec(page)?.[1]
}
