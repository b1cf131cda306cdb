import { describe, expect, it } from 'vitest'
import { useBrowserSession } from './utils/useBrowserSession'

describe('moving between pages without reloading', () => {
  const session = useBrowserSession()

  it('marks the current page in the navigation, keeps the search in the address as typed, and leads from an unknown address back', async () => {
    const member = await session.server.newUser('member', 'Nina Nav')
    const page = await session.signedIn(member.email, member.password, { locale: 'en-US' })
    const nav = page.getByRole('navigation')
    const current = () => nav.locator('[aria-current="page"]').allTextContents()

    await expect.poll(current).toEqual(['Documents'])
    await nav.getByRole('link', { name: 'My work' }).click()
    await page.waitForURL(/\/work$/)
    await expect.poll(current).toEqual(['My work'])
    await nav.getByRole('link', { name: 'Glossary' }).click()
    await expect.poll(current).toEqual(['Glossary'])
    await page.goBack()
    await expect.poll(current).toEqual(['My work'])

    // What is typed is what the address keeps and gives back, "%41" included (not "A").
    await nav.getByRole('link', { name: 'Documents' }).click()
    const search = page.getByRole('searchbox')
    await search.fill('50%41 доклад')
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe('50%41 доклад')
    await page.reload()
    await expect.poll(() => page.getByRole('searchbox').inputValue()).toBe('50%41 доклад')
    await page.getByRole('searchbox').fill('')
    await expect.poll(() => new URL(page.url()).search).toBe('')

    await page.goto(`${session.server.url}/no/such/page`)
    await page.getByRole('heading', { name: 'Page not found' }).waitFor()
    await expect.poll(current).toEqual([])
    await page.getByRole('link', { name: 'Go to documents' }).click()
    await expect.poll(current).toEqual(['Documents'])
    expect(new URL(page.url()).pathname).toBe('/')
  })
})
