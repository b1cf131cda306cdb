import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

interface Entry {
  terms: Record<string, string>
  forbidden: Record<string, string[]>
  note: string
}

describe('the glossary page', () => {
  const session = useBrowserSession()

  it('a coordinator adds, edits, imports and deletes entries; a member reads them; the page is axe clean', async () => {
    const { server } = session
    const admin = await server.signIn(ADMIN.email, ADMIN.password)
    const coordinator = { email: 'anna@example.org', password: 'Anna keeps the glossary tidy' }
    const member = { email: 'timur@example.org', password: 'Timur only reads the glossary' }
    await server.api('POST', '/api/users', admin, {
      ...coordinator,
      name: 'Anna',
      role: 'coordinator',
    })
    await server.api('POST', '/api/users', admin, { ...member, name: 'Timur', role: 'member' })
    const entries = async () =>
      (await server.api<{ entries: Entry[] }>('GET', '/api/glossary', admin)).entries

    const page = await session.signedIn(coordinator.email, coordinator.password)
    await page.getByRole('link', { name: 'Glossary' }).click()
    await page.getByRole('heading', { name: 'Glossary', level: 1 }).waitFor()

    // Add: the preferred terms and a forbidden variant, typed with the keyboard.
    await page.getByLabel('Preferred term in Русский').fill('персональные данные')
    await page.getByLabel('Preferred term in English').fill('personal data')
    await page.getByLabel('Forbidden variants in Русский').fill('личные данные; личная информация')
    await page.getByLabel('Note', { exact: true }).fill('Как в Конвенции 108+')
    await page.getByLabel('Note', { exact: true }).press('Tab')
    await page.keyboard.press('Enter')
    await page.getByText('Entry added').waitFor()
    await expect.poll(entries).toEqual([
      {
        terms: { ru: 'персональные данные', en: 'personal data' },
        forbidden: { ru: ['личные данные', 'личная информация'] },
        note: 'Как в Конвенции 108+',
        id: expect.any(String),
        updatedAt: expect.any(String),
      },
    ])
    const row = page.getByRole('row', { name: /персональные данные/ })
    await expect.poll(() => row.textContent()).toContain('личная информация')

    // Edit: the form fills with the entry; saving replaces it in place.
    await row.getByRole('button', { name: 'Edit: персональные данные' }).click()
    await page.getByRole('heading', { name: 'Edit the entry' }).waitFor()
    expect(await page.getByLabel('Preferred term in English').inputValue()).toBe('personal data')
    await page.getByLabel('Preferred term in Қазақша').fill('дербес деректер')
    await page.getByRole('button', { name: 'Save' }).click()
    await page.getByRole('heading', { name: 'Add an entry' }).waitFor()
    await expect.poll(async () => (await entries())[0]?.terms.kk).toBe('дербес деректер')

    // Import a CSV with two entries; a file that is not a glossary is refused with its reason.
    await page.getByLabel('Glossary file (TBX or CSV)').setInputFiles({
      name: 'terms.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'ru,en,forbidden:ru,note\nомбудсмен,ombudsman,,\nсогласие,consent,одобрение,GDPR Art. 7\n',
      ),
    })
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByText('2 entries added').waitFor()
    await page.getByRole('heading', { name: '3 entries' }).waitFor()
    await page.getByRole('heading', { name: 'Files' }).scrollIntoViewIfNeeded()
    await docScreenshot(page, 'glossary')
    await page.getByLabel('Glossary file (TBX or CSV)').setInputFiles({
      name: 'notes.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('title,author\nSomething,Someone\n'),
    })
    await page.getByRole('button', { name: 'Import' }).click()
    await page.getByRole('alert').filter({ hasText: 'not a glossary' }).waitFor()
    expect(await entries()).toHaveLength(3)

    // Search narrows the list and says how many were found.
    await page.getByLabel('Search terms, variants and notes').fill('gdpr')
    await page.getByText('1 entry found').waitFor()
    expect(await page.getByRole('table', { name: '3 entries' }).getByRole('row').count()).toBe(2)
    const accessibility = await checkAccessibility(page, 'glossary')
    expect(accessibility.blocking).toEqual([])
    await page.getByLabel('Search terms, variants and notes').fill('')

    // Delete through the app's dialog: Escape keeps the entry, the dialog's button removes it.
    const consent = page.getByRole('row', { name: /согласие/ })
    await consent.getByRole('button', { name: 'Delete: согласие' }).click()
    const dialog = page.getByRole('dialog', { name: 'Delete this entry?' })
    await dialog.waitFor()
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'hidden' })
    expect(await entries()).toHaveLength(3)
    await consent.getByRole('button', { name: 'Delete: согласие' }).click()
    await dialog.getByRole('button', { name: 'Delete' }).click()
    await page.getByRole('heading', { name: '2 entries' }).waitFor()
    expect((await entries()).map((entry) => entry.terms.en).sort()).toEqual([
      'ombudsman',
      'personal data',
    ])

    // A member reads the glossary and downloads it, but has no form to change it.
    const reader = await session.signedIn(member.email, member.password)
    await reader.goto(`${server.url}/glossary`)
    await reader.getByRole('row', { name: /ombudsman/ }).waitFor()
    expect(await reader.getByRole('heading', { name: 'Add an entry' }).count()).toBe(0)
    expect(await reader.getByRole('button', { name: /Delete/ }).count()).toBe(0)
    expect(await reader.getByRole('link', { name: 'TBX' }).getAttribute('href')).toBe(
      '/api/glossary/export?format=tbx',
    )
  })
})
