import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { useBrowserSession } from './utils/useBrowserSession'

describe('the interface language', () => {
  const session = useBrowserSession()

  it('follows the browser on a first visit, switches without reloading, and is remembered for the account', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Anna Petrova')
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Charter',
      template: { clauses: 2 },
    })
    const lang = () => page.evaluate(() => document.documentElement.lang)

    // A Russian browser, an account without a language of its own: Russian.
    const page = await session.signedIn(member.email, member.password, {
      locale: 'ru-RU',
      viewport: { width: 1280, height: 900 },
    })
    expect(await lang()).toBe('ru')
    await page.getByRole('heading', { level: 1, name: 'Документы' }).waitFor()

    // Write in the document, then mark this JavaScript context: a reload would lose the mark.
    await page.goto(`${server.url}/documents/${id}`)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.type('Текст, набранный до переключения.')
    await page.evaluate(() => {
      ;(window as unknown as { accordMarker: string }).accordMarker = 'same page'
    })
    expect(await page.getByRole('button', { name: 'История', exact: true }).count()).toBe(1)

    await page.getByLabel('Язык интерфейса').selectOption('en')
    await page.getByRole('button', { name: 'History', exact: true }).waitFor()
    expect(await lang()).toBe('en')
    expect(await page.getByRole('button', { name: 'Comment on selection' }).count()).toBe(1)
    // Same page, same editor: the marker, the text and the live connection are all still there.
    expect(await page.evaluate(() => (window as { accordMarker?: string }).accordMarker)).toBe(
      'same page',
    )
    expect(await page.locator('.ProseMirror').textContent()).toContain(
      'Текст, набранный до переключения.',
    )
    expect(await page.getByTestId('connection-state').getAttribute('data-state')).toBe('connected')
    // Clause labels follow the document's language, not the interface's.
    expect(await page.locator('.clause-label').first().textContent()).toMatch(/^Статья 1/)
    await docScreenshot(page, 'language-switched-en')

    // Remembered for the account: the server has it, and a new browser opens in English.
    await expect
      .poll(
        async () =>
          (await server.api<{ user: { language: string } }>('GET', '/api/me', cookie)).user
            .language,
      )
      .toBe('en')
    const elsewhere = await session.signedIn(member.email, member.password, { locale: 'ru-RU' })
    await elsewhere.getByRole('heading', { level: 1, name: 'Documents' }).waitFor()
    expect(await elsewhere.evaluate(() => document.documentElement.lang)).toBe('en')

    // Dates and plurals in the interface language.
    await page.getByLabel('Interface language').selectOption('ru')
    await page.goto(`${server.url}/`)
    const updated = await page.locator('.document-meta time').first().textContent()
    expect(updated).toMatch(/[а-я]/)
  })

  it('stays as it is and says so when the other language’s strings cannot be fetched, and switches once they can', async () => {
    const { server } = session
    const member = await server.newUser('member', 'Oleg Orlov')
    // No service worker: its precache would answer for the chunk this test takes away.
    const page = await session.signedIn(member.email, member.password, {
      locale: 'en-US',
      serviceWorkers: 'block',
    })
    const heading = page.getByRole('heading', { level: 1 })
    await expect.poll(() => heading.textContent()).toBe('Documents')
    const switcher = page.getByLabel('Interface language')
    const announcer = page.getByTestId('announcer')

    // A tab open across an upgrade: the Russian strings' chunk is gone from the server.
    const russianChunk = /\/assets\/ru-[\w-]+\.js$/
    let refused = 0
    await page.route(russianChunk, (route) => {
      refused++
      return route.fulfill({ status: 404, body: 'Not found' })
    })
    await switcher.selectOption('ru')
    await expect
      .poll(() => announcer.textContent())
      .toBe('The server cannot be reached. Check the connection and try again.')
    expect(refused).toBeGreaterThan(0)
    expect(await heading.textContent()).toBe('Documents')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
    expect(await switcher.inputValue()).toBe('en')

    // The chunk is back (the connection returned): the same switch now works.
    await page.unroute(russianChunk)
    await switcher.selectOption('ru')
    await expect.poll(() => heading.textContent()).toBe('Документы')
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru')
    expect(await page.getByLabel('Язык интерфейса').inputValue()).toBe('ru')
  })
})
