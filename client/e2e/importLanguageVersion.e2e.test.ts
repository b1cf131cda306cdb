import { clause } from '@accord/test-support'
import { describe, expect, it } from 'vitest'
import { checkAccessibility } from './utils/checkAccessibility'
import { writtenSource } from './utils/documentWithTranslation'
import { useBrowserSession } from './utils/useBrowserSession'

/** The English text a translator sends back, with one clause the source does not have. */
const ENGLISH = [
  '## Article 1. Scope',
  'The rules apply to members.',
  '## Article 2. Rights',
  'Everyone has the right of access.',
  '## Article 3. Review',
  'This charter is reviewed every year.',
].join('\n\n')

describe('importing a translation as a language version', () => {
  const session = useBrowserSession()

  it('a coordinator reads the file, sees how its clauses meet the source, and creates the version', async () => {
    const { server } = session
    const coordinator = await server.newUser('coordinator', 'Anna Coordinator')
    const { sourceId: id, page } = await writtenSource(session, coordinator, [
      clause('scope', 'Сфера', 'Правила применяются к членам.'),
      clause('rights', 'Права', 'Каждый имеет право на доступ.'),
    ])
    await page.goto(`${server.url}/documents/${id}/languages`)
    const form = page.getByRole('region', { name: 'Import a translation from a file' })
    await form.getByLabel('Language').selectOption('en')
    await form.getByLabel('File').setInputFiles({
      name: 'charter.en.md',
      mimeType: 'text/markdown',
      buffer: Buffer.from(ENGLISH),
    })
    await form.getByRole('button', { name: 'Read the file' }).click()

    const preview = page.getByRole('region', { name: 'What “charter.en.md” holds' })
    await expect.poll(() => preview.isVisible()).toBe(true)
    const previewText = (await preview.textContent()) ?? ''
    expect(previewText).toContain('2 clauses matched to the source.')
    expect(previewText).toContain('In the file but not in the source')
    expect(previewText).toContain('Review')
    const report = await checkAccessibility(page, 'language version import preview')
    expect(report.blocking).toEqual([])

    await preview.getByRole('button', { name: 'Create the English version' }).click()
    await page.waitForURL(/\/documents\/[\w-]+$/)
    expect(page.url()).not.toContain(id)
    await expect
      .poll(() => page.locator('.ProseMirror').textContent())
      .toContain('The rules apply to members.')
  })
})
