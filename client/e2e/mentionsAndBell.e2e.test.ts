import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { expectAccessible } from './utils/checkAccessibility'
import { selectBack } from './utils/selectionSettled'
import { useBrowserSession } from './utils/useBrowserSession'

describe('a mention typed with the keyboard reaches the other person’s bell, live', () => {
  const session = useBrowserSession()

  it('Anna mentions Борис from the keyboard; his bell counts it at once and the inbox leads to the thread', async () => {
    const anna = await session.server.newUser('member', 'Anna Petrova')
    const boris = await session.server.newUser('observer', 'Boris Petrov')
    // His name in Cyrillic, as he wrote it himself.
    await session.server.api(
      'PATCH',
      '/api/me',
      await session.server.signIn(boris.email, boris.password),
      { name: 'Борис Петров' },
    )
    const cookie = await session.server.signIn(anna.email, anna.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Declaration',
    })
    const url = `${session.server.url}/documents/${id}`
    const a = await session.openDocument(anna.email, anna.password, url)
    const b = await session.signedIn(boris.email, boris.password)
    const bell = b.getByRole('link', { name: /^Notifications/ })
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('0')

    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Everyone has the right to privacy.')
    await a.keyboard.press('ArrowLeft')
    await selectBack(a, 'privacy')
    await a.keyboard.press('Control+Alt+m')
    const box = a.getByLabel('Your comment')
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    await a.keyboard.type('Please check this, @Бор')
    // The list offers him; the text box points at the option and the count is announced.
    const option = a.getByRole('option', { name: 'Борис Петров' })
    await expect.poll(() => option.count()).toBe(1)
    await expect.poll(() => option.getAttribute('aria-selected')).toBe('true')
    const optionId = await option.getAttribute('id')
    await expect.poll(() => box.getAttribute('aria-activedescendant')).toBe(optionId)
    await expect
      .poll(() => a.getByRole('status').filter({ hasText: '1 person found' }).count())
      .toBe(1)
    await expectAccessible(a, 'mention list open')
    await a.keyboard.press('Enter')
    await expect.poll(() => box.inputValue()).toBe('Please check this, @Борис Петров ')
    await expect.poll(() => option.count()).toBe(0)
    await a.keyboard.press('Control+Enter')
    await expect
      .poll(() => a.locator('.comment-thread').first().textContent())
      .toContain('@Борис Петров')

    // Boris, on another page, sees his bell count it without reloading.
    await expect.poll(() => bell.getAttribute('data-unread'), { timeout: 10_000 }).toBe('1')
    await expect.poll(() => bell.textContent()).toContain('Notifications11 unread')
    await bell.click()
    await expect.poll(() => b.getByRole('heading', { name: 'Declaration' }).count()).toBe(1)
    const item = b.getByRole('link', { name: 'Anna Petrova mentioned you' })
    await expect.poll(() => item.count()).toBe(1)
    await expectAccessible(b, 'inbox')
    await docScreenshot(b, 'inbox')
    await item.click()
    // The exact thread is open and marked current; the item is read.
    await expect
      .poll(() => b.locator('.comment-thread[aria-current="true"]').textContent(), {
        timeout: 20_000,
      })
      .toContain('Please check this')
    await expect.poll(() => bell.getAttribute('data-unread')).toBe('0')
  })
})
