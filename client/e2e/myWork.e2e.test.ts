import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { expectAccessible } from './utils/checkAccessibility'
import { selectionSettled } from './utils/selectionSettled'
import { useBrowserSession } from './utils/useBrowserSession'

describe('the "My work" page', () => {
  const session = useBrowserSession()

  /** The page as it is (light), and the same page for the same person in a dark window. */
  const accessible = async (
    page: Page,
    person: { email: string; password: string },
    name: string,
    ready: string | RegExp,
  ) => {
    await expectAccessible(page, name)
    const dark = await session.signedIn(person.email, person.password, {
      colorScheme: 'dark',
      locale: 'en-US',
    })
    await dark.goto(page.url())
    await expect.poll(() => heading(dark, ready).count()).toBe(1)
    await expectAccessible(dark, `${name}, dark`)
    await dark.close()
  }

  const connected = (page: Page) =>
    expect
      .poll(() => page.getByTestId('connection-state').getAttribute('data-state'), {
        timeout: 20_000,
      })
      .toBe('connected')

  /** Follows a link from the keyboard: focused, then Enter. */
  const follow = async (page: Page, name: string | RegExp) => {
    const link = page.getByRole('link', { name })
    await expect.poll(() => link.count()).toBe(1)
    await link.focus()
    await page.keyboard.press('Enter')
  }

  const heading = (page: Page, name: string | RegExp) =>
    page.getByRole('heading', { level: 2, name })

  it('lists the thread, suggestion and document waiting for each person, and leads straight to them', async () => {
    const { server } = session
    const chris = await server.newUser('coordinator', 'Chris Coordinator')
    const maria = await server.newUser('member', 'Maria Member')
    const olga = await server.newUser('observer', 'Olga Observer')
    const cookie = await server.signIn(chris.email, chris.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Charter',
    })
    const url = `${server.url}/documents/${id}`
    const c = await session.openDocument(chris.email, chris.password, url)
    await c.locator('.ProseMirror').click()
    await c.keyboard.type('The rules apply to members.')
    await server.api('PATCH', `/api/documents/${id}`, cookie, { status: 'review' })

    // Chris keeps his "My work" open in another tab meanwhile.
    const cw = await session.signedIn(chris.email, chris.password, { locale: 'en-US' })
    await cw.goto(`${server.url}/work`)
    await expect.poll(() => heading(cw, 'Threads waiting for your answer (0)').count()).toBe(1)

    // Maria suggests " today" and asks Chris about "rules" in a comment that mentions him.
    const m = await session.openDocument(maria.email, maria.password, url)
    await expect
      .poll(() => m.locator('.suggest-mode-banner').textContent())
      .toContain('recorded as suggestions')
    await m.locator('.ProseMirror').click()
    await m.keyboard.press('End')
    await m.keyboard.press('ArrowLeft')
    await m.keyboard.type(' today')
    await expect.poll(() => c.locator('.ProseMirror ins').textContent()).toContain(' today')
    await m.keyboard.press('Home')
    for (let i = 0; i < 'The '.length; i++) await m.keyboard.press('ArrowRight')
    for (let i = 0; i < 'rules'.length; i++) await m.keyboard.press('Shift+ArrowRight')
    await selectionSettled(m, 'rules')
    await m.keyboard.press('Control+Alt+m')
    const box = m.getByLabel('Your comment')
    await expect.poll(() => box.evaluate((el) => el === document.activeElement)).toBe(true)
    await m.keyboard.type('Which rules, @Chr')
    await expect.poll(() => m.getByRole('option', { name: 'Chris Coordinator' }).count()).toBe(1)
    await m.keyboard.press('Enter')
    await m.keyboard.press('Control+Enter')
    await expect
      .poll(() => m.locator('.comment-thread').first().textContent())
      .toContain('@Chris Coordinator')

    // The open tab follows without a reload: the mention's notification brings it up to date.
    await expect.poll(() => heading(cw, 'Threads waiting for your answer (1)').count()).toBe(1)
    await expect
      .poll(() => heading(cw, 'Suggestions waiting for your decision (1)').count())
      .toBe(1)
    await cw.close()

    // Chris, from the header's navigation: one of each but documents (he moved it into review).
    await follow(c, 'My work')
    await expect.poll(() => heading(c, 'Threads waiting for your answer (1)').count()).toBe(1)
    await expect.poll(() => heading(c, 'Suggestions waiting for your decision (1)').count()).toBe(1)
    await expect
      .poll(() => heading(c, 'Documents in review you have not opened (0)').count())
      .toBe(1)
    await expect
      .poll(() => c.getByText('You have opened every document in review.').count())
      .toBe(1)
    await accessible(c, chris, 'my work', 'Threads waiting for your answer (1)')
    await docScreenshot(c, 'my-work')

    // The suggestion's link opens the document with its text selected.
    await follow(c, 'Charter: Insertion')
    await expect.poll(() => c.url()).toContain(`?suggestion=`)
    await connected(c)
    await expect
      .poll(() => c.evaluate(() => document.getSelection()?.toString()), { timeout: 20_000 })
      .toBe(' today')

    // The thread's link opens that thread.
    await c.goBack()
    await follow(c, 'Charter: “rules”')
    await expect.poll(() => c.url()).toContain('?thread=')
    await expect
      .poll(() => c.locator('.comment-thread[aria-current="true"]').textContent(), {
        timeout: 20_000,
      })
      .toContain('Which rules')

    // Maria, a member: her own comment waits for nobody; no suggestions section.
    await m.goto(`${server.url}/work`)
    await expect.poll(() => m.getByText('No thread is waiting for your answer.').count()).toBe(1)
    expect(await m.getByRole('heading', { name: /Suggestions waiting/ }).count()).toBe(0)

    // Olga has not opened the document in review: listed until she does.
    const o = await session.signedIn(olga.email, olga.password, { locale: 'en-US' })
    await o.goto(`${server.url}/work`)
    await expect
      .poll(() => heading(o, 'Documents in review you have not opened (1)').count())
      .toBe(1)
    await accessible(o, olga, 'my work, observer', 'Documents in review you have not opened (1)')
    await follow(o, 'Charter')
    await connected(o)
    await o.goto(`${server.url}/work`)
    await expect
      .poll(() => o.getByText('You have opened every document in review.').count())
      .toBe(1)
  })

  it('speaks Russian', async () => {
    const { server } = session
    const observer = await server.newUser('observer', 'Ivan Observer')
    const cookie = await server.signIn(observer.email, observer.password)
    await server.api('PATCH', '/api/me', cookie, { language: 'ru' })
    const admin = await server.newUser('coordinator', 'Anna Coordinator')
    const adminCookie = await server.signIn(admin.email, admin.password)
    for (const title of ['Устав', 'Регламент']) {
      const { id } = await server.api<{ id: string }>('POST', '/api/documents', adminCookie, {
        title,
      })
      await server.api('PATCH', `/api/documents/${id}`, adminCookie, { status: 'review' })
    }
    const page = await session.signedIn(observer.email, observer.password, { locale: 'ru-RU' })
    await follow(page, 'Мои задачи')
    await expect
      .poll(() =>
        heading(page, /^Документы на рассмотрении, которые вы не открывали \(\d+\)$/).count(),
      )
      .toBe(1)
    for (const title of ['Устав', 'Регламент']) {
      await expect.poll(() => page.getByRole('link', { name: title }).count()).toBe(1)
    }
    await expect
      .poll(() => page.getByText('Ни одно обсуждение не ждёт вашего ответа.').count())
      .toBe(1)
    await accessible(
      page,
      observer,
      'my work, Russian',
      /^Документы на рассмотрении, которые вы не открывали/,
    )
  })
})
