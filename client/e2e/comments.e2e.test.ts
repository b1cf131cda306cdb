import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { focused } from './utils/keyboard'
import { selectBack, selectionSettled } from './utils/selectionSettled'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a clause-by-clause discussion in two browsers', () => {
  const session = useBrowserSession()

  const open = session.openDocument

  it('A comments on a selection, B sees the highlight and thread and replies, A resolves it', async () => {
    const { a, b } = await session.twoPeopleInOneDocument(
      { role: 'member', name: 'Anna Petrova' },
      { role: 'member', name: 'Ben Okafor' },
      'Declaration',
    )

    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Everyone has the right to privacy.')
    await expect.poll(() => b.locator('.ProseMirror').textContent()).toContain('right to privacy')
    // Select "privacy" with the keyboard, then use the comment shortcut.
    await a.keyboard.press('ArrowLeft')
    await selectBack(a, 'privacy')
    await a.keyboard.press('Control+Alt+m')
    await a.getByLabel('Your comment').fill('Should this say "private life"?')
    await a.getByRole('button', { name: 'Post comment' }).click()

    // B sees the highlighted words and the thread, live.
    await expect.poll(() => b.locator('.comment-highlight').textContent()).toBe('privacy')
    const thread = b.locator('.comment-thread').first()
    await expect.poll(() => thread.textContent()).toContain('Should this say "private life"?')
    // The reply box opens when asked for.
    expect(await thread.getByLabel('Reply', { exact: true }).count()).toBe(0)
    await thread.getByRole('button', { name: 'Reply', exact: true }).click()
    await thread.getByLabel('Reply', { exact: true }).fill('Both, as in the declaration.')
    await thread.getByRole('button', { name: 'Send reply' }).click()
    await expect
      .poll(() => a.locator('.comment-thread').first().textContent())
      .toContain('Both, as in the declaration.')
    await docScreenshot(b, 'comments')

    // A resolves: the highlight and the card beside the text go for both; the list keeps it
    // under "Resolved".
    await a.locator('.comment-thread').first().getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(() => b.locator('.comment-highlight').count()).toBe(0)
    await expect.poll(() => b.locator('.comment-thread').count()).toBe(0)
    await b.locator('.comments-view label', { hasText: 'List' }).click()
    await expect.poll(() => b.locator('.comment-thread').count()).toBe(0)
    await b.getByText('Resolved', { exact: true }).first().click()
    await expect
      .poll(() => b.locator('.comment-thread').first().textContent())
      .toContain('Both, as in the declaration.')
  })

  it('deleting a comment asks in the app’s own dialog, never the browser’s; Escape keeps it', async () => {
    const anna = await session.server.newUser('member', 'Anna Deleting')
    const cookie = await session.server.signIn(anna.email, anna.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Second thoughts',
    })
    const a = await open(anna.email, anna.password, `${session.server.url}/documents/${id}`)
    const browserDialogs: string[] = []
    a.on('dialog', (dialog) => {
      browserDialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Everyone may appeal.')
    await a.keyboard.press('Shift+Home')
    await selectionSettled(a, 'Everyone may appeal.')
    await a.keyboard.press('Control+Alt+m')
    await a.getByLabel('Your comment').fill('A hasty remark.')
    await a.getByRole('button', { name: 'Post comment' }).click()
    const thread = a.locator('.comment-thread').first()
    await expect.poll(() => thread.textContent()).toContain('A hasty remark.')

    // From the keyboard: the Delete button opens a modal question with focus on "Cancel".
    await thread.getByRole('button', { name: 'Delete', exact: true }).focus()
    await a.keyboard.press('Enter')
    const dialog = a.getByRole('dialog', { name: 'Delete the comment' })
    await dialog.waitFor()
    expect((await focused(a)).text).toBe('Cancel')
    const figures = await checkAccessibility(a, 'delete comment dialog')
    expect(figures.blocking).toEqual([])
    await a.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(await thread.textContent()).toContain('A hasty remark.')
    // Focus goes back to the button that asked.
    expect((await focused(a)).text).toBe('Delete')

    await a.keyboard.press('Enter')
    await dialog.getByRole('button', { name: 'Delete', exact: true }).click()
    await expect.poll(() => a.locator('.comment-thread').count()).toBe(0)
    expect(browserDialogs).toEqual([])
  })
})
