import { clause } from '@accord/test-support'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { checkAccessibility } from './utils/checkAccessibility'
import { writtenSource } from './utils/documentWithTranslation'
import { useBrowserSession } from './utils/useBrowserSession'

describe('cross-references in the editor', () => {
  const session = useBrowserSession()

  const announced = (page: Page) => page.getByTestId('announcer').textContent()
  const references = (page: Page) =>
    page
      .locator('.ProseMirror .clause-ref')
      .evaluateAll((refs) => refs.map((ref) => (ref.firstChild?.textContent ?? '').trim()))

  it('a person inserts a reference with the keyboard; it follows the clause as clauses move, for everyone', async () => {
    const { server } = session
    const anna = await server.newUser('member', 'Anna Petrova')
    const ben = await server.newUser('member', 'Ben Okafor')
    const { sourceId: id, page: a } = await writtenSource(session, anna, [
      clause('cScope000001', 'Scope', 'Terms as defined in'),
      clause('cRights00001', 'Rights', 'Everyone may complain.'),
      clause('cTerms000001', 'Terms', 'Ombudsman means the office.'),
    ])
    const url = `${server.url}/documents/${id}`
    const b = await session.openDocument(ben.email, ben.password, url)
    await expect.poll(() => b.locator('.clause-label').allTextContents()).toHaveLength(3)

    // Anna puts the cursor after "defined in " and asks for a reference with the shortcut.
    await a.locator('.ProseMirror section.clause > p').first().click()
    await a.keyboard.press('End')
    await a.keyboard.type(' ')
    await a.keyboard.press('Control+Alt+Shift+ArrowRight')
    const picker = a.getByRole('dialog', { name: 'Refer to a clause' })
    await picker.waitFor()
    // The first clause has the focus; the arrow keys go down the list, Enter picks.
    await expect
      .poll(() => a.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Scope')
    const pickerReport = await checkAccessibility(a, 'cross-reference picker')
    expect(pickerReport.blocking).toEqual([])
    await a.keyboard.press('End')
    await expect
      .poll(() => a.evaluate(() => document.activeElement?.textContent ?? ''))
      .toContain('Terms')
    await a.keyboard.press('Enter')
    await expect.poll(() => picker.isVisible()).toBe(false)
    await expect.poll(() => announced(a)).toContain('Reference to Статья 3 inserted')
    // The cursor is back in the text, after the reference: typing goes on.
    await a.keyboard.type('.')
    await expect.poll(() => references(a)).toEqual(['Статья 3'])
    await expect.poll(() => references(b)).toEqual(['Статья 3'])
    // Anna's named caret may stand in the paragraph; it is not text.
    const firstParagraph = () =>
      b
        .locator('.ProseMirror section.clause > p')
        .first()
        .evaluate((p) => {
          const copy = p.cloneNode(true) as HTMLElement
          for (const caret of copy.querySelectorAll('.collaboration-carets__caret')) caret.remove()
          return copy.textContent
        })
    await expect.poll(firstParagraph).toBe('Terms as defined in Статья 3.')

    // Ben moves "Terms" up twice from the keyboard: the reference reads its new number.
    await b.locator('.ProseMirror section.clause > h2.clause-heading').nth(2).click()
    // The shortcut moves the clause the caret is in: only once the click has put it there.
    await expect
      .poll(() =>
        b.evaluate(
          () => window.getSelection()?.anchorNode?.parentElement?.closest('h2')?.textContent,
        ),
      )
      .toContain('Terms')
    await b.keyboard.press('Control+Alt+ArrowUp')
    await expect.poll(() => references(b)).toEqual(['Статья 2'])
    await b.keyboard.press('Control+Alt+ArrowUp')
    await expect.poll(() => references(b)).toEqual(['Статья 1'])
    await expect.poll(() => references(a)).toEqual(['Статья 1'])

    const report = await checkAccessibility(a, 'editor with a cross-reference')
    expect(report.blocking).toEqual([])

    // Ben deletes "Terms": the reference stays, and says plainly that its clause is gone.
    await b.getByRole('button', { name: 'Delete clause' }).click()
    const question = b.getByRole('dialog', { name: /^Delete / })
    await question.getByRole('button', { name: 'Delete' }).click()
    await expect.poll(() => references(a)).toEqual(['Статья ?'])
    await expect
      .poll(() => a.locator('.ProseMirror .clause-ref-missing').textContent())
      .toContain('the clause it referred to was deleted')
  })
})
