import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { focused, tabUntil } from './utils/keyboard'
import { selectBack } from './utils/selectionSettled'
import { ADMIN } from './utils/serverProcess'
import { useBrowserSession } from './utils/useBrowserSession'

/**
 * A member who uses only the keyboard, in Russian: every step is a key press (no mouse, no
 * click(), no focus() from the test); the test only reads where focus is and what the page
 * shows. Every element Tab reaches must show a focus ring.
 */
describe('a keyboard-only member', () => {
  const session = useBrowserSession()

  it('signs in, opens a document, types, comments, uses the help and the panels, opens history', async () => {
    const { server } = session
    const member = { email: 'maria@example.org', password: 'Мария выбрала длинный пароль' }
    const admin = await server.signIn(ADMIN.email, ADMIN.password)
    await server.api('POST', '/api/users', admin, {
      ...member,
      name: 'Мария Кузнецова',
      role: 'member',
    })
    const cookie = await server.signIn(member.email, member.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Устав рабочей группы',
    })
    const page = await (
      await session.newContext({ locale: 'ru-RU', viewport: { width: 1280, height: 900 } })
    ).newPage()
    const { keyboard } = page

    // Sign in: the skip link first, then the form.
    await page.goto(`${server.url}/`)
    await page.getByRole('heading', { name: 'Вход в Accord' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ru')
    const skip = await tabUntil(page, () => true)
    expect(skip.text).toBe('Перейти к содержимому')
    await keyboard.press('Enter')
    await tabUntil(page, (el) => el.tag === 'input' && el.text === '')
    await keyboard.type(member.email)
    await keyboard.press('Tab')
    await keyboard.type(member.password)
    await keyboard.press('Enter')
    await page.getByRole('button', { name: 'Выйти' }).waitFor()
    await page.getByRole('link', { name: 'Устав рабочей группы' }).waitFor()
    await docScreenshot(page, 'documents-ru')

    // Open the document from the list, reached before the forms that create documents.
    const passed: string[] = []
    await tabUntil(page, (el) => {
      passed.push(el.text)
      return el.tag === 'a' && el.text === 'Устав рабочей группы'
    })
    expect(passed).not.toContain('Создать')
    expect(passed).toContain('Новый документ или импорт')
    await keyboard.press('Enter')
    await page.waitForURL(`**/documents/${id}`)
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    // The skip link leads straight into the text.
    const skipToEditor = await tabUntil(page, (el) => el.text === 'Перейти к редактору', {
      backwards: true,
    })
    expect(skipToEditor.tag).toBe('a')
    await keyboard.press('Enter')
    expect((await focused(page)).id).toBe('editor')

    // Type, then comment on the last words.
    await keyboard.type('Каждый участник имеет право голоса.')
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('право голоса.')
    await selectBack(page, 'голоса.')
    await keyboard.press('Control+Alt+m')
    await expect.poll(async () => (await focused(page)).tag).toBe('textarea')
    await keyboard.type('Может быть, «решающего голоса»?')
    await keyboard.press('Control+Enter')
    await expect
      .poll(() => page.locator('.comment-thread').first().textContent())
      .toContain('решающего голоса')
    // Posting returns to the text.
    await expect.poll(async () => (await focused(page)).id).toBe('editor')
    await docScreenshot(page, 'comments-ru')

    // "?" in the text is a character, not the help.
    await keyboard.press('End')
    await keyboard.type(' Кто?')
    expect(await page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => page.locator('.ProseMirror').textContent()).toContain('Кто?')

    // Outside the text, "?" opens the help; focus stays inside it; Escape closes and returns focus.
    const toggle = await tabUntil(page, (el) => el.text === 'Комментарии' && el.tag === 'button', {
      backwards: true,
    })
    await keyboard.press('?')
    const help = page.getByRole('dialog', { name: 'Сочетания клавиш' })
    await help.waitFor()
    expect(await help.textContent()).toContain('Ctrl+Alt+M')
    expect(await help.textContent()).toContain('Переместить статью вверх')
    await docScreenshot(page, 'keyboard-help-ru')
    for (let i = 0; i < 5; i++) {
      await keyboard.press('Tab')
      expect(
        await page.evaluate(() => document.activeElement?.closest('dialog') !== null),
        'focus stays in the dialog',
      ).toBe(true)
    }
    await keyboard.press('Escape')
    await expect.poll(() => help.isVisible()).toBe(false)
    expect((await focused(page)).text).toBe(toggle.text)

    // The comments panel closes and opens from its button; focus stays on the button.
    const panel = page.getByRole('region', { name: /^Комментарии/ })
    await keyboard.press('Enter')
    await expect.poll(() => panel.count()).toBe(0)
    await keyboard.press('Enter')
    await expect.poll(() => panel.count()).toBe(1)
    expect((await focused(page)).text).toBe('Комментарии')

    // Into the panel with Tab, and back to the text with Escape.
    await tabUntil(page, (el) => el.text === 'Отметить решённым')
    await keyboard.press('Escape')
    await expect.poll(async () => (await focused(page)).id).toBe('editor')

    // History opens beside the text from its button, and closes again; focus stays on it.
    await tabUntil(page, (el) => el.tag === 'button' && el.text === 'История', { backwards: true })
    await keyboard.press('Enter')
    const history = page.getByRole('region', { name: 'История' })
    await history.waitFor()
    expect((await focused(page)).text).toBe('История')
    await keyboard.press('Enter')
    await expect.poll(() => history.count()).toBe(0)
    expect((await focused(page)).text).toBe('История')

    // The export menu opens with Enter and closes with Escape, focus staying on it.
    await tabUntil(page, (el) => el.tag === 'summary' && el.text === 'Экспорт')
    await keyboard.press('Enter')
    const exportMenu = page.locator('details.export-menu')
    await expect.poll(() => exportMenu.evaluate((el) => (el as HTMLDetailsElement).open)).toBe(true)
    await keyboard.press('Escape')
    await expect
      .poll(() => exportMenu.evaluate((el) => (el as HTMLDetailsElement).open))
      .toBe(false)
    expect((await focused(page)).tag).toBe('summary')
  })
})
