import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { useBrowserSession } from './utils/useBrowserSession'

describe('versions in the browser', () => {
  const session = useBrowserSession()

  it('a coordinator names a draft, edits, compares and sees the redline, then restores', async () => {
    const coordinator = await session.server.newUser('coordinator', 'Clara Coordinator')
    const cookie = await session.server.signIn(coordinator.email, coordinator.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Standard',
    })
    const page = await session.signedIn(coordinator.email, coordinator.password, {
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    })
    await page.goto(`${session.server.url}/documents/${id}`)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    await page.locator('.ProseMirror').click()
    await page.keyboard.type('Каждый имеет право на доступ к интернету.')

    await page.getByRole('link', { name: 'History' }).click()
    await page.getByLabel('Version name').fill('Draft 1')
    await page.getByRole('button', { name: 'Save version' }).click()
    await expect.poll(() => page.locator('.version-list').textContent()).toContain('Draft 1')

    await page.getByRole('link', { name: 'Back to the document' }).click()
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    await page.locator('.ProseMirror').click()
    await page.keyboard.press('Control+End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type(' и свободу выражения')
    await expect
      .poll(() => page.locator('.ProseMirror').textContent())
      .toContain('свободу выражения')

    await page.getByRole('link', { name: 'History' }).click()
    // Leaving the editor kept an automatic version too; compare with the named one.
    const draft1 = page.locator('.version-list li', { hasText: 'Draft 1' })
    await draft1.getByRole('button', { name: 'Compare with current' }).click()
    await expect
      .poll(() => page.locator('.diff ins').allTextContents())
      .toEqual(['и свободу выражения'])
    expect(await page.locator('.diff-summary').textContent()).toContain('Clauses:')
    // Insertions are underlined, not only coloured.
    expect(
      await page.locator('.diff ins').evaluate((el) => getComputedStyle(el).textDecorationLine),
    ).toBe('underline')
    await docScreenshot(page, 'history-compare')

    page.on('dialog', () => {
      throw new Error('a browser dialog opened; the app asks in its own')
    })
    await draft1.getByRole('button', { name: 'Restore' }).click()
    await page
      .getByRole('dialog', { name: 'Restore a version' })
      .getByRole('button', { name: 'Restore' })
      .click()
    await expect
      .poll(() => page.locator('.version-list').textContent())
      .toContain('Before restore of “Draft 1”')
    await page.getByRole('link', { name: 'Back to the document' }).click()
    await expect
      .poll(() => page.locator('.ProseMirror').textContent())
      .toBe('Каждый имеет право на доступ к интернету.')

    // The restored text downloads as a Word file named after the document.
    await page.getByText('Export', { exact: true }).click()
    await page.getByLabel('Format').selectOption('docx')
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Download' }).click(),
    ])
    expect(download.suggestedFilename()).toMatch(/^Standard.*\.docx$/)
  })
})
