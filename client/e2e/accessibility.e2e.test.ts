import type { Page } from 'playwright-core'
import { afterAll, describe, expect, it } from 'vitest'
import { docScreenshot, signInThroughForm } from './utils/browser'
import {
  type AccessibilityFigures,
  checkAccessibility,
  figuresTable,
} from './utils/checkAccessibility'
import { selectBack } from './utils/selectionSettled'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

const SCHEMES = ['light', 'dark'] as const

/**
 * axe-core on every page of the app, in the light and the dark colour scheme: any serious or
 * critical violation fails. The figures of every page are printed at the end (the closing
 * report of the accessibility work quotes them).
 */
describe('every page passes axe in both colour schemes', () => {
  const session = useBrowserSession()
  const figures: AccessibilityFigures[] = []

  afterAll(() => {
    if (figures.length) console.info(`axe-core figures\n${figuresTable(figures)}`)
  })

  const check = async (page: Page, name: string) => {
    // Nothing pending: fonts and lazy chunks loaded, so contrast is measured on the real page.
    await page.evaluate(() => document.fonts.ready)
    const result = await checkAccessibility(page, name)
    figures.push(result)
    expect.soft(result.blocking, `${name} (${result.scheme})`).toEqual([])
  }

  const connected = (page: Page) =>
    expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')

  for (const colorScheme of SCHEMES) {
    it(`${colorScheme}: sign-in, setup, invitation, documents, editor, help, history, activity, people, profile`, async () => {
      const options = { viewport: { width: 1280, height: 900 }, locale: 'en-US', colorScheme }
      const { server } = session
      const admin = await server.signIn(ADMIN.email, ADMIN.password)

      // Signed out: sign-in (with a failed attempt's error showing), setup form, invitation.
      const visitor = await (await session.newContext(options)).newPage()
      await visitor.goto(`${server.url}/`)
      await visitor.getByLabel('Email').fill('nobody@example.org')
      await visitor.getByLabel('Password').fill('not the password')
      await visitor.getByRole('button', { name: 'Sign in' }).click()
      await visitor.getByText('Wrong email or password.').waitFor()
      await check(visitor, 'sign-in')

      // The setup form shows only on a server without accounts; answer for the server here.
      await visitor.route('**/api/setup', (route) => route.fulfill({ json: { needed: true } }))
      await visitor.goto(`${server.url}/setup/a-token`)
      await visitor.getByRole('button', { name: 'Create account' }).waitFor()
      await check(visitor, 'setup')

      const invited = await server.api<{ invitationUrl: string }>('POST', '/api/users', admin, {
        email: `invited.${colorScheme}@example.org`,
        name: `Invited ${colorScheme}`,
        role: 'member',
      })
      await visitor.goto(invited.invitationUrl)
      await visitor.getByRole('button', { name: 'Set password and continue' }).waitFor()
      await check(visitor, 'invitation')

      // Signed in as the secretariat, who sees every page.
      const page = await (await session.newContext(options)).newPage()
      await signInThroughForm(page, server.url, ADMIN.email, ADMIN.password)
      const { id } = await server.api<{ id: string }>('POST', '/api/documents', admin, {
        title: `Charter (${colorScheme})`,
        template: { clauses: 3 },
      })
      await page.goto(`${server.url}/`)
      await page.getByRole('link', { name: `Charter (${colorScheme})` }).waitFor()
      await check(page, 'documents')

      // The editor, with text, a comment thread and a new comment being written.
      await page.goto(`${server.url}/documents/${id}`)
      await connected(page)
      await page.locator('.ProseMirror').click()
      await page.keyboard.press('Control+End')
      await page.keyboard.type('Everyone has the right to privacy and to a fair hearing.')
      await selectBack(page, 'hearing.')
      await page.keyboard.press('Control+Alt+m')
      await page.getByLabel('Your comment').fill('A public hearing?')
      await page.getByRole('button', { name: 'Post comment' }).click()
      await page.locator('.comment-thread').first().waitFor()
      // Posting returns to the text: a second comment, left unsent.
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('editor')
      await page.keyboard.press('End')
      await selectBack(page, 'hearing.')
      await page.keyboard.press('Control+Alt+m')
      await page.getByLabel('Your comment').waitFor()
      await check(page, 'editor with comments')
      if (colorScheme === 'dark') await docScreenshot(page, 'editor-dark')

      await page.keyboard.press('Escape')
      await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
      await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
      await check(page, 'help dialog')
      if (colorScheme === 'light') await docScreenshot(page, 'keyboard-help')
      await page.keyboard.press('Escape')

      // History: a saved version compared with the current text.
      await server.api('POST', `/api/documents/${id}/versions`, admin, { name: 'Draft 1' })
      await page.goto(`${server.url}/documents/${id}/history`)
      await page
        .locator('.version-list li', { hasText: 'Draft 1' })
        .getByRole('button', { name: 'Compare with current' })
        .click()
      await page.locator('.diff-summary').waitFor()
      await check(page, 'history / compare')

      for (const [path, name, heading] of [
        ['/activity', 'activity', 'Activity'],
        ['/people', 'people', 'People'],
        ['/profile', 'profile', 'Profile'],
        ['/no-such-page', 'not found', 'Page not found'],
      ] as const) {
        await page.goto(`${server.url}${path}`)
        await page.getByRole('heading', { level: 1, name: heading }).waitFor()
        if (name === 'activity') await page.locator('main li').first().waitFor()
        await check(page, name)
      }
    })
  }
})
