import { describe, expect, it } from 'vitest'
import { socketHeld } from './utils/socketHeld'
import { useBrowserSession } from './utils/useBrowserSession'

describe('slow and failed work', () => {
  const session = useBrowserSession()

  it('shows progress while a document opens and a comparison runs, and errors that say what to do, in Russian', async () => {
    const { server } = session
    const coordinator = await server.newUser('coordinator', 'Clara Coordinator')
    const cookie = await server.signIn(coordinator.email, coordinator.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Устав',
    })
    await server.api('POST', `/api/documents/${id}/versions`, cookie, { name: 'Проект 1' })
    const page = await session.signedIn(coordinator.email, coordinator.password, {
      locale: 'ru-RU',
    })

    // The collaboration server answers late: the document says it is opening until it has the text.
    const { release } = await socketHeld(page)
    await page.goto(`${server.url}/documents/${id}`)
    const opening = page.getByText('Документ открывается…')
    await expect.poll(() => opening.isVisible()).toBe(true)
    release()
    await expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
      .toBe('connected')
    expect(await opening.count()).toBe(0)

    // A comparison that is slow, then fails: progress first, then what to do about it.
    let failDiff: () => void = () => undefined
    const failed = new Promise<void>((resolve) => {
      failDiff = resolve
    })
    await page.route('**/api/documents/*/diff?*', async (route) => {
      await failed
      await route.fulfill({
        status: 500,
        json: { error: { code: 'internal', message: 'Internal error' } },
      })
    })
    await page.goto(`${server.url}/documents/${id}/history`)
    await page
      .locator('.version-list li', { hasText: 'Проект 1' })
      .getByRole('button', { name: 'Сравнить с текущим' })
      .click()
    const loading = page
      .locator('.history-panel')
      .getByRole('status')
      .filter({ hasText: 'Загрузка' })
    await expect.poll(() => loading.isVisible()).toBe(true)
    failDiff()
    await expect
      .poll(() => page.locator('.history-panel > .form-error').textContent())
      .toBe(
        'Ошибка на сервере. Подождите немного и попробуйте снова; если ошибка повторяется, сообщите в секретариат.',
      )
    expect(await loading.count()).toBe(0)
  })
})
