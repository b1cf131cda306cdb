import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { focused, tabUntil } from './utils/keyboard'
import { useBrowserSession } from './utils/useBrowserSession'

describe('history beside the text', () => {
  const session = useBrowserSession()

  it('a coordinator names a draft, edits, sees the redline beside the history, restores in the app’s dialog; a Russian reader sees the versions by day in Russian', async () => {
    const coordinator = await session.server.newUser('coordinator', 'Clara Coordinator')
    const reader = await session.server.newUser('member', 'Ruslan Chitatel')
    const cookie = await session.server.signIn(coordinator.email, coordinator.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Standard',
    })
    const page = await session.signedIn(coordinator.email, coordinator.password, {
      viewport: { width: 1440, height: 900 },
      locale: 'en-US',
    })
    page.on('dialog', () => {
      throw new Error('a browser dialog opened; the app asks in its own')
    })
    await page.goto(`${session.server.url}/documents/${id}`)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('Каждый имеет право на доступ к интернету.')

    // History opens beside the text: the editor stays where it is.
    const toggle = page.getByRole('button', { name: 'History', exact: true })
    await toggle.click()
    expect(await toggle.getAttribute('aria-expanded')).toBe('true')
    const panel = page.getByRole('region', { name: 'History' })
    // A version kept elsewhere (here through the API) appears in the open panel by itself.
    await session.server.api('POST', `/api/documents/${id}/versions`, cookie, { name: 'Outline' })
    await expect.poll(() => panel.locator('.version-list').textContent()).toContain('Outline')
    await panel.getByLabel('Version name').fill('Draft 1')
    await panel.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => panel.locator('.version-list').textContent()).toContain('Draft 1')

    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type(' и свободу выражения')
    await expect
      .poll(() => page.locator('.ProseMirror').textContent())
      .toContain('свободу выражения')

    const draft1 = panel.locator('.version-list li', { hasText: 'Draft 1' })
    await draft1.getByRole('button', { name: 'Compare with current' }).click()
    // The redline takes the text's place; the live editor is hidden, not closed.
    await expect
      .poll(() => page.locator('.diff ins').allTextContents())
      .toEqual(['и свободу выражения'])
    expect(await page.locator('.ProseMirror').first().isVisible()).toBe(false)
    expect(await page.locator('.diff-summary').textContent()).toContain('Clauses:')
    expect(
      await page.locator('.diff ins').evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('underline')
    await docScreenshot(page, 'history-compare')

    await draft1.getByRole('button', { name: 'Restore' }).click()
    const question = page.getByRole('dialog', { name: 'Restore a version' })
    await question.waitFor()
    expect((await focused(page)).text).toBe('Cancel')
    await question.getByRole('button', { name: 'Restore' }).click()
    await expect
      .poll(() => panel.locator('.version-list').textContent())
      .toContain('Before restore of “Draft 1”')
    // The restored text is back in the editor, shown again.
    await expect
      .poll(() => page.locator('.ProseMirror').first().textContent())
      .toBe('Каждый имеет право на доступ к интернету.')
    expect(await page.locator('.ProseMirror').first().isVisible()).toBe(true)
    // Leaving keeps an automatic version of what was typed.
    await page.context().close()

    // A Russian reader follows an old /history link: the document opens with history beside it.
    const ru = await session.signedIn(reader.email, reader.password, {
      viewport: { width: 1440, height: 900 },
      locale: 'ru-RU',
    })
    await ru.goto(`${session.server.url}/documents/${id}/history`)
    await ru.waitForURL(`**/documents/${id}?panel=history`)
    const ruPanel = ru.getByRole('region', { name: 'История' })
    await expect
      .poll(() => ruPanel.textContent(), { timeout: 15_000 })
      .toContain('До восстановления «Draft 1»')
    // Versions by day under a heading; the automatic ones folded, naming who typed.
    expect(await ruPanel.getByRole('heading', { level: 3 }).count()).toBe(1)
    const run = ruPanel.locator('.version-run summary')
    await expect.poll(() => run.first().textContent()).toMatch(/автоматическ.*Clara Coordinator/)
    // Keyboard: the fold opens with Enter and lists its versions with the size of the change.
    await run.first().focus()
    await ru.keyboard.press('Enter')
    await expect
      .poll(() => ruPanel.locator('.version-run .version-meta').first().textContent())
      .toMatch(/Clara Coordinator · \d+ изменени/)
    const figures = await checkAccessibility(ru, 'history panel (ru)')
    expect(figures.blocking).toEqual([])
    await docScreenshot(ru, 'history-panel')

    // Hideable: without automatic versions only the named ones stay.
    await ruPanel.getByLabel('Показывать автоматические версии').uncheck()
    expect(await ruPanel.locator('.version-run').count()).toBe(0)
    expect(await ruPanel.locator('.version-list > li').allTextContents()).toEqual([
      expect.stringContaining('До восстановления «Draft 1»'),
      expect.stringContaining('Draft 1'),
      expect.stringContaining('Outline'),
    ])

    // From the keyboard: view a version, then back to the text, focus on the editor.
    await tabUntil(ru, (el) => el.text.startsWith('Открыть Draft 1'))
    await ru.keyboard.press('Enter')
    await expect.poll(async () => (await focused(ru)).text).toMatch(/^Draft 1/)
    expect(await ru.locator('.version-text').textContent()).toBe(
      'Каждый имеет право на доступ к интернету.',
    )
    await tabUntil(ru, (el) => el.text === 'К текущему тексту')
    await ru.keyboard.press('Enter')
    await expect.poll(async () => (await focused(ru)).id).toBe('editor')

    // A notification's link to a version (…/history?version=…) opens the document showing it.
    const readerCookie = await session.server.signIn(reader.email, reader.password)
    const { versions } = await session.server.api<{ versions: { id: string; name: string }[] }>(
      'GET',
      `/api/documents/${id}/versions`,
      readerCookie,
    )
    const draft = versions.find((v) => v.name === 'Draft 1')
    await ru.goto(`${session.server.url}/documents/${id}/history?version=${draft?.id}`)
    await ru.getByRole('heading', { level: 2, name: /^Draft 1/ }).waitFor()
    expect(await ru.locator('.version-text').textContent()).toBe(
      'Каждый имеет право на доступ к интернету.',
    )
  })
})
