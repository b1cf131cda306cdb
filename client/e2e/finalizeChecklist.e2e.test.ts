import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { selectionSettled } from './utils/selectionSettled'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

describe('the finalize checklist', () => {
  const session = useBrowserSession()

  it('lists the open suggestion and comment with links to them, and finalizes only with a decision (reason recorded)', async () => {
    const maria = await session.server.newUser('member', 'Maria Member')
    const cookie = await session.server.signIn(maria.email, maria.password)
    const admin = await session.server.signIn(ADMIN.email, ADMIN.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Charter',
    })
    const url = `${session.server.url}/documents/${id}`
    const m = await session.openDocument(maria.email, maria.password, url)
    await m.locator('.ProseMirror').click()
    await m.keyboard.type('The rules apply to members.')
    // A comment on "members".
    await m.keyboard.press('ArrowLeft')
    for (let i = 0; i < 'members'.length; i++) await m.keyboard.press('Shift+ArrowLeft')
    await selectionSettled(m, 'members')
    await m.keyboard.press('Control+Alt+m')
    await m.getByLabel('Your comment').fill('Which members?')
    await m.getByRole('button', { name: 'Post comment' }).click()
    await expect.poll(() => m.locator('.comment-thread').count()).toBe(1)
    // In review the member's words become a suggestion.
    await session.server.api('PATCH', `/api/documents/${id}`, admin, { status: 'review' })
    await expect.poll(() => m.locator('.suggest-mode-banner').count()).toBe(1)
    await m.locator('.ProseMirror').click()
    await m.keyboard.press('End')
    await m.keyboard.type(' All of them.')
    await expect.poll(() => m.locator('.ProseMirror ins').count()).toBeGreaterThan(0)

    const s = await session.openDocument(ADMIN.email, ADMIN.password, url)
    // No browser dialog anywhere on this path.
    const browserDialogs: string[] = []
    s.on('dialog', (dialog) => {
      browserDialogs.push(dialog.message())
      void dialog.dismiss()
    })
    await expect.poll(() => s.locator('.suggestion-card').count()).toBe(1)
    await s.getByLabel('Status').selectOption('final')
    const dialog = s.getByRole('dialog', { name: 'Make this document final' })
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await expect
      .poll(() => dialog.textContent())
      .toContain('Still open: 1 suggestion and 1 comment.')
    expect((await checkAccessibility(s, 'finalize checklist')).blocking).toEqual([])
    await s.emulateMedia({ colorScheme: 'dark' })
    expect((await checkAccessibility(s, 'finalize checklist, dark')).blocking).toEqual([])
    await s.emulateMedia({ colorScheme: 'light' })
    await docScreenshot(s, 'finalize-checklist')

    // A link leads to the comment: the dialog closes, the thread is the active one.
    await dialog.getByRole('button', { name: 'Maria Member on “members”' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => s.locator('.comment-thread.is-active').count()).toBe(1)
    // The status did not move.
    expect(await s.getByLabel('Status').inputValue()).toBe('review')

    // Escape closes the checklist and changes nothing.
    await s.getByLabel('Status').selectOption('final')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await s.keyboard.press('Escape')
    await expect.poll(() => dialog.isVisible()).toBe(false)
    expect(await s.getByLabel('Status').inputValue()).toBe('review')

    // Back to the checklist: without a decision, or without a reason, nothing is finalized.
    await s.getByLabel('Status').selectOption('final')
    await expect.poll(() => dialog.isVisible()).toBe(true)
    await dialog.getByRole('button', { name: 'Make final' }).click()
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('Choose what becomes of the open suggestions and comments.')
    await dialog.getByLabel(/Finalize anyway/).check()
    await dialog.getByRole('button', { name: 'Make final' }).click()
    await expect
      .poll(() => dialog.getByRole('alert').textContent())
      .toContain('Give the reason for finalizing anyway.')
    await dialog.getByLabel('Reason (recorded in the activity log)').fill('Adopted at the plenary')
    await dialog.getByRole('button', { name: 'Make final' }).click()
    await expect.poll(() => dialog.isVisible()).toBe(false)
    await expect.poll(() => s.getByLabel('Status').inputValue()).toBe('final')

    // The member's open suggestion left the text; the reason is recorded.
    await expect.poll(() => m.locator('.ProseMirror ins').count()).toBe(0)
    await expect
      .poll(() => m.locator('.ProseMirror').textContent())
      .toBe('The rules apply to members.')
    const finalization = await session.server.api<{ decision: string; reason: string }>(
      'GET',
      `/api/documents/${id}/finalization`,
      admin,
    )
    expect(finalization).toMatchObject({
      decision: 'finalizeAnyway',
      reason: 'Adopted at the plenary',
    })
    // Its export is the final text.
    await s.locator('summary', { hasText: 'Export' }).click()
    await expect
      .poll(() => s.getByText('The final text, dated when it was made final.').count())
      .toBe(1)
    expect(browserDialogs).toEqual([])
  })
})
