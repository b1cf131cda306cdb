import { markedUpDraft } from '@accord/test-support'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { useBrowserSession } from './utils/useBrowserSession'

/** Drops a file on an element as the browser does when a file is dragged in from the desktop. */
const dropFile = async (page: Page, testId: string, name: string, bytes: Uint8Array) => {
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const transfer = new DataTransfer()
      transfer.items.add(new File([new Uint8Array(data)], name))
      return transfer
    },
    { name, data: Array.from(bytes) },
  )
  const zone = page.getByTestId(testId)
  await zone.dispatchEvent('dragover', { dataTransfer })
  await zone.dispatchEvent('drop', { dataTransfer })
}

describe('New from file', () => {
  const session = useBrowserSession()

  it('a Word draft marked up by three people is dragged in, previewed, imported, and the review goes on', async () => {
    const sam = await session.server.newUser('member', 'Sam Secretary')
    const page = await session.signedIn(sam.email, sam.password, {
      viewport: { width: 1440, height: 900 },
    })
    await expect.poll(() => page.getByRole('heading', { name: 'New from file' }).count()).toBe(1)

    // A file that is not what its name says is refused with a reason, and nothing happens.
    await dropFile(page, 'import-drop-zone', 'notes.docx', new TextEncoder().encode('just text'))
    await expect
      .poll(() => page.locator('.import-document [role="alert"]').first().textContent())
      .toContain('not what its name says')

    await dropFile(page, 'import-drop-zone', 'Положение.docx', await markedUpDraft())
    const preview = page.locator('.import-preview')
    await expect.poll(() => preview.textContent()).toContain('What “Положение.docx” holds')
    const text = (await preview.textContent()) ?? ''
    expect(text).toContain('2 clauses')
    expect(text).toContain('1 comment thread')
    expect(text).toContain('2 tracked changes (become suggestions)')
    expect(await preview.locator('.import-outline li').allTextContents()).toEqual([
      '1. Предмет',
      '2. Сроки',
    ])
    expect((await checkAccessibility(page, 'import preview')).blocking).toEqual([])
    await preview.scrollIntoViewIfNeeded()
    await docScreenshot(page, 'import-preview')

    await preview.getByRole('button', { name: 'Import' }).click()
    await expect.poll(() => page.url()).toMatch(/\/documents\/[A-Za-z0-9_-]+$/)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'), {
        timeout: 20_000,
      })
      .toBe('connected')
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('Срок составляет')

    // The comment thread, with its reply, under the original authors' names, marked imported.
    // Beside the text, or in the panel when its words were not found.
    const comments = page.locator('.comment-thread').first()
    await expect.poll(() => comments.textContent()).toContain('Анна Петрова')
    const thread = (await comments.textContent()) ?? ''
    expect(thread).toContain('Уточнить срок')
    expect(thread).toContain('John Smith')
    expect(thread).toContain('Agreed: 30 days')
    expect(thread).toContain('imported')

    // The tracked changes are suggestions by their author, in the text and in the panel.
    await expect.poll(() => page.locator('.ProseMirror del').textContent()).toBe('десять')
    await expect.poll(() => page.locator('.ProseMirror ins').textContent()).toBe('тридцать')
    const cards = page.locator('.suggestion-card')
    await expect.poll(() => cards.count()).toBe(2)
    expect(await cards.nth(0).textContent()).toContain('Олег Сидоров')
    await docScreenshot(page, 'import-result')
  })
})
