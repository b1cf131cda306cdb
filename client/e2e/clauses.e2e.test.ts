import fs from 'node:fs'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { useBrowserSession } from './utils/useBrowserSession'

/** The declaration as a PDF viewer copies it: hard-wrapped, a blank line after every line. */
const declaration = fs.readFileSync(
  new URL(
    '../../../shared/samples/cities-coalition-declaration.pdf-extract.ru.txt',
    import.meta.url,
  ),
  'utf8',
)

const PRINCIPLES = [
  'Всеобщий и равный доступ к интернету и цифровая грамотность',
  'Конфиденциальность, защита данных и безопасность',
  'Прозрачность, подотчетность и недопущение дискриминации в отношении данных, контента и алгоритмов',
  'Представительная демократия, многообразие и инклюзивность',
  'Открытые и этичные стандарты цифровых сервисов',
]

/** The outline as a person reads it: "Статья 1 Всеобщий…", one line per clause. */
const outlineOf = (page: Page) =>
  page
    .getByTestId('outline')
    .getByRole('button')
    .evaluateAll((buttons) => buttons.map((b) => (b.textContent ?? '').replace(/\s+/g, ' ').trim()))

const numbered = (label: (n: number) => string, headings: string[]) =>
  headings.map((heading, i) => `${label(i + 1)} ${heading}`)

describe('numbered clauses, shared by two people', () => {
  const session = useBrowserSession()

  const personIn = async (email: string, password: string): Promise<Page> => {
    const page = await session.signedIn(email, password, {
      viewport: { width: 1280, height: 900 },
      locale: 'en-US',
    })
    return page
  }

  it('turns pasted PDF text into clauses, and both see the numbering follow a move', async () => {
    const anna = await session.server.newUser('member', 'Anna Petrova')
    const ben = await session.server.newUser('member', 'Ben Okafor')
    const annaPage = await personIn(anna.email, anna.password)
    const benPage = await personIn(ben.email, ben.password)

    await annaPage.getByRole('textbox', { name: /title/i }).first().fill('Декларация')
    await annaPage.getByRole('button', { name: /create/i }).click()
    await annaPage.waitForURL(/\/documents\/[\w-]+$/)
    await benPage.goto(annaPage.url())
    for (const page of [annaPage, benPage]) {
      await expect
        .poll(() => page.getByTestId('connection-state').getAttribute('data-state'))
        .toBe('connected')
    }

    // Anna pastes the declaration as plain text, the way a browser delivers a paste.
    await annaPage.locator('.ProseMirror').click()
    await annaPage.evaluate((text) => {
      const data = new DataTransfer()
      data.setData('text/plain', text)
      const paste = new ClipboardEvent('paste', {
        clipboardData: data,
        bubbles: true,
        cancelable: true,
      })
      document.querySelector('.ProseMirror')?.dispatchEvent(paste)
    }, declaration)

    const inOrder = numbered((n) => `Статья ${n}`, PRINCIPLES)
    await expect.poll(() => outlineOf(annaPage)).toEqual(inOrder)
    await expect.poll(() => outlineOf(benPage)).toEqual(inOrder)
    // The labels in the text are drawn, not typed: the heading text is the principle alone.
    await expect
      .poll(() => benPage.locator('.clause-label').allTextContents())
      .toEqual(['Статья 1', 'Статья 2', 'Статья 3', 'Статья 4', 'Статья 5'])
    // Anna's named caret may sit in the title; it is not text.
    const titleText = () =>
      benPage.locator('.ProseMirror h1').evaluate((h1) => {
        const copy = h1.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => {
          caret.remove()
        })
        return copy.textContent
      })
    await expect.poll(titleText).toBe('Декларация Коалиции городов за цифровые права')
    await annaPage.screenshot({ path: '/tmp/accord-clauses-outline.png' })
    await docScreenshot(annaPage, 'clauses-outline')

    // Anna goes to the second principle from the outline and moves it down with the keyboard.
    await annaPage
      .getByTestId('outline')
      .getByRole('button', { name: /^Статья 2 / })
      .click()
    await annaPage.keyboard.press('Control+Alt+ArrowDown')
    const moved = numbered(
      (n) => `Статья ${n}`,
      [
        PRINCIPLES[0] ?? '',
        PRINCIPLES[2] ?? '',
        PRINCIPLES[1] ?? '',
        PRINCIPLES[3] ?? '',
        PRINCIPLES[4] ?? '',
      ],
    )
    await expect.poll(() => outlineOf(annaPage)).toEqual(moved)
    await expect.poll(() => outlineOf(benPage)).toEqual(moved)

    // Ben moves it back with the toolbar button.
    await benPage
      .getByTestId('outline')
      .getByRole('button', { name: /^Статья 3 / })
      .click()
    await benPage.getByRole('button', { name: 'Move clause up' }).click()
    await expect.poll(() => outlineOf(benPage)).toEqual(inOrder)
    await expect.poll(() => outlineOf(annaPage)).toEqual(inOrder)

    // Ben switches the labels to sections; Anna's outline and text follow.
    await benPage.getByLabel('Clause labels').selectOption('section')
    await expect.poll(() => outlineOf(annaPage)).toEqual(numbered((n) => `§ ${n}`, PRINCIPLES))
    await expect.poll(() => annaPage.locator('.clause-label').first().textContent()).toBe('§ 1')

    // Deleting asks first; Escape keeps the clause, confirming removes it for both.
    await annaPage.getByTestId('outline').getByRole('button', { name: /^§ 5 / }).click()
    await annaPage.getByRole('button', { name: 'Delete clause' }).click()
    const question = annaPage.getByRole('dialog', { name: 'Delete § 5?' })
    await question.waitFor()
    await annaPage.keyboard.press('Escape')
    await expect.poll(() => question.isVisible()).toBe(false)
    expect(await outlineOf(annaPage)).toHaveLength(5)
    await annaPage.getByRole('button', { name: 'Delete clause' }).click()
    await question.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => outlineOf(benPage)).toHaveLength(4)
    await expect.poll(() => outlineOf(annaPage)).toHaveLength(4)
  })
})
