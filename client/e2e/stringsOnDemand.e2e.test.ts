import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './utils/useBrowserSession'

/** Text that looks like a key of the strings loaded with the panels, shown bare. */
const bareKeys = (page: Page) =>
  page.evaluate(() => document.body.innerText.match(/\b(outline|documents)\.[a-zA-Z]+/g) ?? [])

describe('strings loaded with the panels and pages that show them', () => {
  const session = useBrowserSession()

  it('are there when a panel opened on demand shows, in both languages and after a switch', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Olga Member')
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Statute',
    })

    for (const [locale, outline, documents] of [
      ['ru-RU', 'Содержание', 'Документы'],
      ['en-US', 'Outline', 'Documents'],
    ] as const) {
      const page = await session.signedIn(member.email, member.password, { locale })
      // Opened from a link: the outline's code and its strings arrive after the text.
      await page.goto(`${server.url}/documents/${id}`)
      await page.getByRole('heading', { name: outline }).waitFor()
      expect(await bareKeys(page)).toEqual([])
      await page.goto(`${server.url}/`)
      await page.getByRole('heading', { level: 1, name: documents }).waitFor()
      expect(await bareKeys(page)).toEqual([])
      if (locale === 'en-US') {
        // Switching loads the other language's panel strings too.
        await page.goto(`${server.url}/documents/${id}`)
        await page.getByRole('heading', { name: 'Outline' }).waitFor()
        await page.getByLabel('Interface language').selectOption('ru')
        await page.getByRole('heading', { name: 'Содержание' }).waitFor()
        expect(await bareKeys(page)).toEqual([])
      }
    }
  })
})
