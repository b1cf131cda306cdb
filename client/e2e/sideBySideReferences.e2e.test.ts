import { clause } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { documentWithTranslation } from './utils/documentWithTranslation'
import { useBrowserSession } from './utils/useBrowserSession'

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const reference = (clauseId: string): JSONContent => ({ type: 'clauseRef', attrs: { clauseId } })

/** The labels the references of one column show, as a reader sees them. */
const labels = (page: Page, editor: string) =>
  page
    .locator(`${editor} .clause-ref`)
    .evaluateAll((refs) => refs.map((ref) => (ref.firstChild?.textContent ?? '').trim()))

/**
 * A cross-reference in the side-by-side view reads as its clause's label in each column's
 * language ("Статья 3" beside "Article 3"), in both editors and in the worklist, never as
 * the id it stores.
 */
describe('cross-references in the side-by-side view', () => {
  const session = useBrowserSession()

  it('show their labels in both columns and in the worklist', async () => {
    const { server } = session
    const coordinator = await server.newUser('coordinator', 'Anna Coordinator')
    const {
      page: editorPage,
      cookie,
      translationId,
    } = await documentWithTranslation(session, coordinator, {
      clauses: [
        clause('scope', 'Сфера', [text('Термины определены в '), reference('terms'), text('.')]),
        clause('rights', 'Права', 'Каждый имеет право на доступ.'),
        clause('terms', 'Термины', 'Персональные данные защищаются.'),
      ],
      fill: 'source',
    })
    const page = await session.openDocument(
      coordinator.email,
      coordinator.password,
      `${server.url}/documents/${translationId}/side-by-side`,
    )
    await expect.poll(() => labels(page, '#editor-source')).toEqual(['Статья 3'])
    await expect.poll(() => labels(page, '#editor')).toEqual(['Article 3'])

    // The clause with the reference is translated, then changed in the source: the worklist
    // shows what changed with the reference as the source labels it.
    for (const clauseId of ['scope', 'rights', 'terms'])
      await server.api(
        'POST',
        `/api/documents/${translationId}/clauses/${clauseId}/translated`,
        cookie,
        {},
      )
    // At the start of the line: the paragraph's middle may be the reference, which a click selects whole.
    await editorPage
      .locator('.ProseMirror p', { hasText: 'Термины определены' })
      .click({ position: { x: 2, y: 2 } })
    await editorPage.keyboard.press('End')
    await editorPage.keyboard.type(' Навсегда.')
    const diff = page.locator('.aligned-clause .source-diff')
    await expect.poll(() => diff.textContent()).toContain('Навсегда.')
    expect(await diff.textContent()).toContain('Термины определены в Статья 3.')
    expect(await page.locator('.clause-worklist').textContent()).not.toContain('[→')
  })
})
