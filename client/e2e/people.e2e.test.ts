import { describe, expect, it } from 'vitest'
import { docScreenshot, signInThroughForm } from './utils/browser'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

describe('the secretariat manages accounts', () => {
  const session = useBrowserSession()

  it('invites a person, who sets a password and signs in; a role change and deactivation take effect', async () => {
    const admin = await (
      await session.newContext({ viewport: { width: 1280, height: 800 }, locale: 'en-US' })
    ).newPage()
    await signInThroughForm(admin, session.server.url, ADMIN.email, ADMIN.password)
    await admin.getByRole('link', { name: 'People' }).click()
    await admin.getByLabel('Email').fill('olga@example.org')
    await admin.getByLabel('Name').fill('Olga Ivanova')
    await admin.getByLabel('Role', { exact: true }).selectOption('member')
    await admin.getByLabel('Create an invitation link').check()
    await admin.getByRole('button', { name: 'Add' }).click()
    const link = await admin.getByLabel('Invitation link', { exact: true }).inputValue()
    expect(link).toMatch(/\/invite\/[\w-]+$/)
    await docScreenshot(admin, 'people')

    // The invited person opens the link in their own browser and chooses a password.
    const olga = await (await session.newContext({ locale: 'en-US' })).newPage()
    await olga.goto(link)
    await olga
      .getByLabel(/^Password/)
      .first()
      .fill('Olga chooses a long password')
    const repeat = olga.getByLabel(/Repeat/)
    if (await repeat.count()) await repeat.fill('Olga chooses a long password')
    await olga.getByRole('button', { name: 'Set password and continue' }).click()
    await olga.getByRole('button', { name: 'Sign out' }).waitFor()
    // A used link does not work twice.
    const again = await (await session.newContext({ locale: 'en-US' })).newPage()
    await again.goto(link)
    await expect
      .poll(() => again.locator('main').textContent())
      .toContain('invalid or has already been used')

    // The role change is saved at once, without a separate save button.
    await admin.getByLabel('Role of Olga Ivanova').selectOption('observer')
    const adminCookie = await session.server.signIn(ADMIN.email, ADMIN.password)
    const roleOfOlga = async () =>
      (
        await session.server.api<{ users: { email: string; role: string }[] }>(
          'GET',
          '/api/users',
          adminCookie,
        )
      ).users.find((u) => u.email === 'olga@example.org')?.role
    await expect.poll(roleOfOlga).toBe('observer')

    // Deactivated: Olga's next request lands on the sign-in page.
    await admin
      .getByRole('row', { name: /Olga Ivanova/ })
      .getByRole('button', { name: 'Deactivate' })
      .click()
    await expect
      .poll(() => admin.getByRole('row', { name: /Olga Ivanova/ }).textContent())
      .toContain('Deactivated')
    await olga.reload()
    await olga.getByRole('button', { name: 'Sign in' }).waitFor()
  })
})
