import type { Consultation } from '@accord/protocol'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { consultationOn } from './utils/consultationOn'
import { focused, tabUntil } from './utils/keyboard'
import { useBrowserSession } from './utils/useBrowserSession'

const DRAFT = [
  '# Charter of the Cities Coalition',
  '',
  '## Article 1. Universal access',
  '',
  'Every resident may use the public services of the city.',
  '',
  '## Article 2. Privacy',
  '',
  'The city keeps only the data it needs.',
  '',
].join('\n')

describe('a public consultation, from the public page to moderation', () => {
  const session = useBrowserSession()
  let consultation: Consultation
  let documentId: string

  const axeClean = async (page: Page, name: string) => {
    const figures = await checkAccessibility(page, name)
    expect(figures.blocking).toEqual([])
    expect(figures.violations).toEqual({ minor: 0, moderate: 0, serious: 0, critical: 0 })
  }

  const openConsultation = async () => {
    ;({ documentId, consultation } = await consultationOn(session.server, DRAFT, {
      slug: 'cities-charter',
      introduction: 'Tell us what you think of the draft charter.',
    }))
  }

  it('anyone comments without an account, by keyboard only; the page loads nothing from elsewhere and works without script', async () => {
    await openConsultation()
    const { server } = session
    const context = await session.newContext({ locale: 'en-US' })
    const page = await context.newPage()
    const elsewhere: string[] = []
    page.on('request', (request) => {
      if (!request.url().startsWith(server.url)) elsewhere.push(request.url())
    })
    const answer = await page.goto(consultation.url)
    expect(answer?.status()).toBe(200)
    expect(answer?.headers()['content-security-policy']).toContain("default-src 'none'")
    await page.getByRole('heading', { name: 'Charter of the Cities Coalition', level: 1 }).waitFor()
    expect(await page.locator('html').getAttribute('lang')).toBe('en')
    await page.getByText('Tell us what you think of the draft charter.').waitFor()
    await axeClean(page, 'consultation page')
    await docScreenshot(page, 'consultation-public-page')

    // Keyboard only: the skip link, then the comment link of Article 2.
    const skip = await tabUntil(page, (e) => e.text === 'Skip to the text')
    expect(skip.tag).toBe('a')
    // The clause's label is in the text's language (Article 2 or Статья 2).
    await tabUntil(page, (e) => /^Comment on (Article|Статья) 2$/.test(e.text))
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: /^Comment on (Article|Статья) 2$/ }).waitFor()
    await axeClean(page, 'consultation clause form')

    // Sent without consent: the form comes back with the message and what was typed.
    await tabUntil(page, (e) => e.id === 'name')
    await page.keyboard.type('Dana Ivanova')
    await tabUntil(page, (e) => e.id === 'email')
    await page.keyboard.type('dana@example.org')
    await tabUntil(page, (e) => e.id === 'body')
    await page.keyboard.type('Say how long the data is kept.')
    // `required` would stop the browser; the server's own refusal is what this checks.
    await page.evaluate(() => {
      document.getElementById('consent')?.removeAttribute('required')
    })
    await tabUntil(page, (e) => e.tag === 'button' && e.text === 'Send comment')
    await page.keyboard.press('Enter')
    await page.getByRole('alert').waitFor()
    expect(await page.getByRole('alert').textContent()).toContain(
      'To send a comment, agree to the privacy notice.',
    )
    expect(await page.getByLabel('Your comment').inputValue()).toBe(
      'Say how long the data is kept.',
    )
    await axeClean(page, 'consultation form with an error')

    // Now with consent and the name shown.
    await page.getByLabel('Show my name and organization with my comment').focus()
    await page.keyboard.press('Space')
    await tabUntil(page, (e) => e.id === 'consent')
    await page.keyboard.press('Space')
    // The honeypot is never a stop on the way to the button.
    const stop = await tabUntil(page, (e) => e.tag === 'button' || e.id === 'website')
    expect(stop.tag).toBe('button')
    await page.keyboard.press('Enter')
    await page.getByRole('heading', { name: 'Thank you' }).waitFor()
    expect(await page.getByRole('main').textContent()).toContain('once a moderator publishes it')
    await axeClean(page, 'consultation thanks')

    // Readable without script, in Russian with ?lang=ru.
    const noScript = await (await session.newContext({ javaScriptEnabled: false })).newPage()
    await noScript.goto(`${consultation.url}?lang=ru`)
    await noScript.getByText('Every resident may use the public services of the city.').waitFor()
    expect(await noScript.locator('html').getAttribute('lang')).toBe('ru')
    await noScript.getByText('Публичное обсуждение').first().waitFor()
    expect(
      await noScript.getByRole('link', { name: /^Замечание к пункту (Article|Статья) 1$/ }).count(),
    ).toBe(1)
    expect(elsewhere).toEqual([])
  })

  it('a coordinator publishes and decides, by keyboard, announced; the public page shows it', async () => {
    const kate = await session.server.newUser('coordinator', 'Kate Coordinator')
    const page = await session.signedIn(kate.email, kate.password, {
      viewport: { width: 1280, height: 900 },
    })
    await page.goto(`${session.server.url}/documents/${documentId}/consultations`)
    await page
      .getByRole('heading', { name: 'Public consultations: Charter of the Cities Coalition' })
      .waitFor()
    await page.getByRole('button', { name: 'Moderate comments' }).focus()
    await page.keyboard.press('Enter')
    const card = page.locator('.public-comment-card').first()
    await expect.poll(() => card.textContent()).toContain('Say how long the data is kept.')
    await expect.poll(() => card.textContent()).toContain('name shown publicly')
    await axeClean(page, 'moderation')
    await docScreenshot(page, 'consultation-moderation')

    await card.getByRole('button', { name: 'Publish' }).focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain('Comment on clause 2 published.')
    await expect.poll(() => page.locator('.public-comment-card').count()).toBe(0)
    // Focus stays in the moderation list, not lost to the page's start.
    expect((await focused(page)).tag).toBe('h2')

    await page.getByLabel('Show comments').selectOption('published')
    const published = page.locator('.public-comment-card').first()
    await published.getByLabel('Decision of the working group').selectOption('accepted')
    await published.getByLabel('Reason (shown in the public report)').fill('Added to Article 2.')
    await published.getByRole('button', { name: 'Record decision' }).focus()
    await page.keyboard.press('Enter')
    await expect
      .poll(() => page.getByTestId('announcer').textContent())
      .toContain('Decision on the comment on clause 2 recorded.')
    await axeClean(page, 'moderation, published')

    const publicPage = await (await session.newContext()).newPage()
    await publicPage.goto(consultation.url)
    const shown = publicPage.locator('.public-comment').first()
    await expect.poll(() => shown.textContent()).toContain('Dana Ivanova')
    await expect.poll(() => shown.textContent()).toContain('Added to Article 2.')
    expect(await publicPage.content()).not.toContain('dana@example.org')
  })
})
