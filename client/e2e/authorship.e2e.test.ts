import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { blockText } from './utils/editorText'
import { tabUntil } from './utils/keyboard'
import { useBrowserSession } from './utils/useBrowserSession'

/** The words coloured for each person, by the name their colouring carries. */
const colouredWords = (page: Page) =>
  page.evaluate(() => {
    const found: Record<string, string> = {}
    for (const span of document.querySelectorAll<HTMLElement>('.ProseMirror .author-run')) {
      const name = span.title
      const copy = span.cloneNode(true) as HTMLElement
      for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
      found[name] = (found[name] ?? '') + (copy.textContent ?? '')
    }
    return found
  })

const legend = (page: Page) =>
  page.getByRole('list', { name: 'Authors' }).locator('li').allTextContents()

describe('authorship: who wrote what', () => {
  const session = useBrowserSession()

  it('two people type in one clause; the toggle, switched on by keyboard, colours each one’s words with their name, lists both, and shows what changed since a version', async () => {
    const { cookie, id, a, b } = await session.twoPeopleInOneDocument(
      { role: 'coordinator', name: 'Anna Petrova' },
      { role: 'member', name: 'Ben Okafor' },
      'Charter',
    )

    await a.locator('.ProseMirror').click()
    await a.keyboard.type('Everyone has the right to privacy.')
    await expect.poll(() => b.locator('.ProseMirror').textContent()).toContain('privacy.')
    await session.server.api('POST', `/api/documents/${id}/versions`, cookie, { name: 'Draft 2' })
    // Ben adds words in the middle of Anna's sentence, in the same paragraph.
    await b.locator('.ProseMirror p', { hasText: 'privacy' }).click()
    await b.keyboard.press('End')
    for (let i = 0; i < '.'.length + ' privacy'.length; i++) await b.keyboard.press('ArrowLeft')
    await b.keyboard.type(' and correspondence')
    await expect
      .poll(() => blockText(a.locator('.ProseMirror p', { hasText: 'privacy' })))
      .toBe('Everyone has the right to and correspondence privacy.')

    // Anna finds the switch with the keyboard and turns it on.
    await a.locator('.ProseMirror').focus()
    await tabUntil(a, (element) => element.text === 'Who wrote what', { backwards: true })
    await a.keyboard.press('Enter')
    const toggle = a.getByRole('button', { name: 'Who wrote what' })
    expect(await toggle.getAttribute('aria-pressed')).toBe('true')
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain('Authorship colours on')
    await expect
      .poll(() => colouredWords(a))
      .toEqual({
        'Anna Petrova': 'Everyone has the right to privacy.',
        'Ben Okafor': ' and correspondence',
      })
    await expect
      .poll(() => legend(a))
      .toEqual([expect.stringContaining('Anna Petrova'), expect.stringContaining('Ben Okafor')])
    // The two differ without colour too: another underline style.
    const styles = await a.evaluate(() =>
      [...document.querySelectorAll('.ProseMirror .author-run')].map(
        (span) => getComputedStyle(span).textDecorationStyle,
      ),
    )
    expect(new Set(styles).size).toBe(2)
    await docScreenshot(a, 'authorship')

    // In the text, the shortcut says who wrote the words at the caret.
    await a.locator('.ProseMirror p', { hasText: 'correspondence' }).click()
    await a.keyboard.press('End')
    for (let i = 0; i < '.'.length + ' privacy'.length + 3; i++) await a.keyboard.press('ArrowLeft')
    // The editor reads the moved caret on the page's selectionchange, a frame later.
    await a.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    )
    await a.keyboard.press('Control+Alt+a')
    await expect
      .poll(() => a.getByTestId('announcer').textContent())
      .toContain('Written by Ben Okafor')

    // Ben types on while the colours are on: his new words take his colour too.
    await b.keyboard.type(' and data')
    await expect
      .poll(async () => (await colouredWords(a))['Ben Okafor'])
      .toBe(' and correspondence and data')

    for (const scheme of ['light', 'dark'] as const) {
      await a.emulateMedia({ colorScheme: scheme })
      const report = await checkAccessibility(a, `authorship (${scheme})`)
      expect(report.blocking).toEqual([])
    }
    await a.emulateMedia({ colorScheme: 'light' })

    // What changed since "Draft 2": only Ben's words.
    await a.getByLabel('Show', { exact: true }).selectOption({ label: 'changes since “Draft 2”' })
    await expect
      .poll(() => colouredWords(a))
      .toEqual({
        'Ben Okafor': ' and correspondence and data',
      })
    await expect.poll(() => legend(a)).toEqual([expect.stringContaining('Ben Okafor')])

    // The choice is remembered for the next visit.
    await a.reload()
    await expect
      .poll(() => a.getByRole('button', { name: 'Who wrote what' }).getAttribute('aria-pressed'))
      .toBe('true')
    await expect
      .poll(async () => Object.keys(await colouredWords(a)).sort())
      .toEqual(['Anna Petrova', 'Ben Okafor'])
  })
  it('another person’s typing leaves the colours of the rest of the text on screen, and is coloured as it arrives', async () => {
    const olga = await session.server.newUser('coordinator', 'Olga Ivanova')
    const sam = await session.server.newUser('member', 'Sam Reed')
    const cookie = await session.server.signIn(olga.email, olga.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Statute',
    })
    const url = `${session.server.url}/documents/${id}`
    const a = await session.openDocument(olga.email, olga.password, url)
    const b = await session.openDocument(sam.email, sam.password, url)
    await a.locator('.ProseMirror').click()
    await a.keyboard.type('The office is independent.')
    await a.keyboard.press('Enter')
    await a.keyboard.type('It reports once a year.')
    await expect.poll(() => b.locator('.ProseMirror').textContent()).toContain('a year.')
    // Sam writes a word first, so that Olga's page learns who he is before it looks.
    await b.locator('.ProseMirror p', { hasText: 'a year' }).click()
    await b.keyboard.press('End')
    await b.keyboard.type(' Yes.')
    await a.getByRole('button', { name: 'Who wrote what' }).click()
    await expect
      .poll(() => colouredWords(a))
      .toEqual({
        'Olga Ivanova': 'The office is independent.It reports once a year.',
        'Sam Reed': ' Yes.',
      })
    // From now on, count every moment Olga's words are drawn without their colour.
    await a.evaluate(() => {
      const w = window as unknown as { __uncoloured: number }
      w.__uncoloured = 0
      const root = document.querySelector('.ProseMirror') as Element
      new MutationObserver(() => {
        if (!root.querySelector('.author-run[title="Olga Ivanova"]')) w.__uncoloured++
      }).observe(root, { subtree: true, childList: true, characterData: true })
    })
    await b.keyboard.type(' It answers.', { delay: 40 })
    await expect
      .poll(() => colouredWords(a))
      .toEqual({
        'Olga Ivanova': 'The office is independent.It reports once a year.',
        'Sam Reed': ' Yes. It answers.',
      })
    expect(
      await a.evaluate(() => (window as unknown as { __uncoloured: number }).__uncoloured),
    ).toBe(0)
  })
})
