import { describe, expect, it } from 'vitest'
import { docScreenshot } from './utils/browser'
import { checkAccessibility } from './utils/checkAccessibility'
import { documentWithTranslation } from './utils/documentWithTranslation'
import { focused, tabUntil } from './utils/keyboard'
import { useBrowserSession } from './utils/useBrowserSession'

/**
 * A translator who uses only the keyboard works through the outdated clauses of an English
 * translation in the side-by-side view, while a coordinator edits the Russian source in
 * another browser: the clause turns outdated live, the filter shows only it with the words
 * the source added, the keys take the translator there, mark it translated and apply the
 * source's new clause. No click and no focus() from the test on the translator's page.
 */
describe('a translator in the side-by-side view', () => {
  const session = useBrowserSession()

  it('works through the outdated clauses with the keyboard only; the view passes axe', async () => {
    const { server } = session
    const coordinator = await server.newUser('coordinator', 'Anna Coordinator')
    const translator = await server.newUser('member', 'Tom Translator')
    const translatorCookie = await server.signIn(translator.email, translator.password)

    // The coordinator writes the source in before anyone opens it, then adds the English version.
    const {
      sourceId,
      page: editorPage,
      translationId,
    } = await documentWithTranslation(session, coordinator, { fill: 'source' })
    for (const clauseId of ['scope', 'terms', 'rights']) {
      await server.api(
        'POST',
        `/api/documents/${translationId}/clauses/${clauseId}/translated`,
        translatorCookie,
        {},
      )
    }

    const page = await session.openDocument(
      translator.email,
      translator.password,
      `${server.url}/documents/${translationId}/side-by-side`,
    )
    const { keyboard } = page
    const counts = page.locator('.translation-counts')
    await expect
      .poll(() => counts.textContent())
      .toBe('Up to date: 3. Outdated: 0. Untranslated: 0.')

    // The coordinator changes the source's second clause: it turns outdated here, live.
    await editorPage.locator('.ProseMirror p', { hasText: 'Персональные данные' }).click()
    await editorPage.keyboard.press('End')
    await editorPage.keyboard.type(' Навсегда.')
    await expect
      .poll(() => counts.textContent())
      .toBe('Up to date: 2. Outdated: 1. Untranslated: 0.')

    // Only outdated: Tab to the filter, Space.
    await tabUntil(page, (el) => el.tag === 'input' && el.text === '')
    await keyboard.press('Space')
    const rows = page.locator('.aligned-clause')
    await expect.poll(() => rows.count()).toBe(1)
    // The clause turns outdated at the first letter that arrives: wait for the last one.
    await expect.poll(() => rows.first().locator('ins').textContent()).toContain('Навсегда.')
    await docScreenshot(page, 'side-by-side-en')
    const axe = await checkAccessibility(page, 'side by side')
    expect(axe.blocking).toEqual([])

    // Next clause to do: the caret lands in the translation's outdated clause.
    await keyboard.press('Alt+Shift+ArrowDown')
    expect((await focused(page)).id).toBe('editor')
    await keyboard.type(' Forever.')
    await expect
      .poll(() => page.locator('#editor section.clause').nth(1).textContent())
      .toContain('Forever.')
    await keyboard.press('Alt+Shift+Enter')
    await expect
      .poll(() => counts.textContent())
      .toBe('Up to date: 3. Outdated: 0. Untranslated: 0.')
    await expect.poll(() => rows.count()).toBe(0)

    // The coordinator adds a clause after the last one: a structural change, applied on a key.
    await editorPage.locator('.ProseMirror p', { hasText: 'право на доступ' }).click()
    await editorPage.keyboard.press('Control+Alt+Enter')
    const pending = page.locator('.pending-changes')
    await expect.poll(() => pending.count(), { timeout: 5000 }).toBe(1)
    await keyboard.press('Alt+Shift+=')
    await expect.poll(() => pending.count()).toBe(0)
    await expect.poll(() => page.locator('#editor section.clause').count()).toBe(4)
    await expect
      .poll(() => counts.textContent())
      .toBe('Up to date: 3. Outdated: 0. Untranslated: 1.')
    expect((await checkAccessibility(page, 'side by side, after')).blocking).toEqual([])

    // The list of language versions, with its counts and the coordinator's form to add one.
    await editorPage.goto(`${server.url}/documents/${sourceId}/languages`)
    const english = editorPage.getByRole('row', { name: /English/ })
    await expect.poll(() => english.textContent()).toContain('Устав (English)')
    expect(await english.locator('td').nth(1).textContent()).toBe('3')
    await editorPage.getByRole('heading', { name: 'Add a language version' }).waitFor()
    await docScreenshot(editorPage, 'language-versions-en')
    expect((await checkAccessibility(editorPage, 'language versions')).blocking).toEqual([])
  })
})
