import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { focused } from './utils/keyboard'
import { saved } from './utils/saveState'
import { useBrowserSession } from './utils/useBrowserSession'

const paragraphs = Array.from({ length: 8 }, (_, i) => `Paragraph ${i + 1} of the preface.`)

describe('the redline', () => {
  const session = useBrowserSession()

  it('shows only the changed paragraphs with context, side by side too, steps through changes with Alt+arrows and links each changed clause from the summary', async () => {
    const coordinator = await session.server.newUser('coordinator', 'Rita Redline')
    const cookie = await session.server.signIn(coordinator.email, coordinator.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Long preface',
    })
    const page = await session.openDocument(
      coordinator.email,
      coordinator.password,
      `${session.server.url}/documents/${id}`,
    )
    await page.locator('.ProseMirror').click()
    await page.keyboard.type(paragraphs.join('\n'))
    await saved(page)
    await session.server.api('POST', `/api/documents/${id}/versions`, cookie, { name: 'Draft A' })

    // Change the first and the sixth paragraph.
    const block = (n: number) => page.locator('.ProseMirror > *').nth(n)
    await block(0).click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type(' and its title')
    await block(5).click()
    await page.keyboard.press('End')
    await page.keyboard.press('ArrowLeft')
    await page.keyboard.type(', amended')
    await saved(page)

    await page.getByRole('button', { name: 'History', exact: true }).click()
    await page
      .locator('.version-list li', { hasText: 'Draft A' })
      .getByRole('button', { name: 'Compare with current' })
      .click()
    const diff = page.locator('.diff')
    await expect
      .poll(() => diff.locator('ins').allTextContents())
      // Word by word: the space before an inserted word stays equal.
      .toEqual(['and its title', ', amended'])
    // Only the changes: paragraphs 1–2 and 5–7 with their neighbours; 3–4 and 8 left out, counted.
    expect(await diff.locator('.diff-paragraph').allTextContents()).toEqual([
      'Paragraph 1 of the preface and its title.',
      paragraphs[1],
      paragraphs[4],
      'Paragraph 6 of the preface, amended.',
      paragraphs[6],
    ])
    expect(await diff.locator('.diff-gap').allTextContents()).toEqual([
      '… 2 unchanged paragraphs …',
      '… 1 unchanged paragraph …',
    ])
    // Whole text again, when asked.
    await page.getByLabel('Only the changes').uncheck()
    expect(await diff.locator('.diff-paragraph').count()).toBe(8)
    await page.getByLabel('Only the changes').check()

    // Next / previous change from the keyboard, announced.
    await page.getByRole('button', { name: 'Next change' }).focus()
    await page.keyboard.press('Alt+ArrowDown')
    expect((await focused(page)).text).toBe('and its title')
    await expect.poll(() => page.locator('.diff-position').textContent()).toBe('Change 1 of 2')
    await page.keyboard.press('Alt+ArrowDown')
    expect((await focused(page)).text).toBe(', amended')
    await page.keyboard.press('Alt+ArrowUp')
    expect((await focused(page)).text).toBe('and its title')
    await expect.poll(() => page.locator('.diff-position').textContent()).toBe('Change 1 of 2')

    // The summary links to each changed clause (here the preface).
    await page.getByRole('navigation', { name: 'Changed clauses' }).getByRole('link').click()
    expect(await page.evaluate(() => document.activeElement?.id)).toMatch(/^diff-unit-preface$/)

    // Side by side: before on the left, after on the right, row against row.
    await page.getByLabel('Side by side').check()
    const row = diff.locator('.diff-row', { hasText: 'amended' })
    expect(await row.locator('.diff-before').textContent()).toBe(`Before: ${paragraphs[5]}`)
    expect(await row.locator('.diff-after').textContent()).toBe(
      'After: Paragraph 6 of the preface, amended.',
    )
    await page.keyboard.press('Alt+ArrowDown')
    await expect.poll(() => page.locator('.diff-position').textContent()).toBe('Change 1 of 2')
    const figures = await checkAccessibility(page, 'side-by-side comparison')
    expect(figures.blocking).toEqual([])
    await docScreenshot(page, 'history-side-by-side')

    // Listed in the shortcuts dialog.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).click()
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    expect(await help.textContent()).toContain('Next change')
  })
})
