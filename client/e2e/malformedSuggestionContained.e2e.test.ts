import { jsonToUpdate } from '@accord/schema'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { sendRawUpdate } from './utils/rawUpdate'
import { useBrowserSession } from './utils/useBrowserSession'

/** A paragraph whose text is a suggested insertion carrying `at`, as a raw client writes it. */
const suggestedParagraph = (id: string, text: string, at: string) =>
  jsonToUpdate({
    type: 'doc',
    content: [
      {
        type: 'paragraph',
        content: [
          {
            type: 'text',
            text,
            marks: [
              {
                type: 'insertion',
                attrs: { id, authorId: 'raw-client', authorName: 'Mallory Raw', at },
              },
            ],
          },
        ],
      },
    ],
  })

const editorOf = (page: Page) => page.locator('.ProseMirror')
const suggestionsPanel = (page: Page) => page.locator('.suggestions-panel')
const failedParts = (page: Page) =>
  page.getByTestId('part-failed').evaluateAll((notices) => notices.map((n) => n.dataset.part))

/** Types at the end of the text in one browser and waits until another sees it. */
const typedReaches = async (from: Page, to: Page, words: string) => {
  await editorOf(from).click()
  await from.keyboard.press('Control+End')
  await from.keyboard.type(words)
  await expect.poll(() => editorOf(to).textContent(), { timeout: 10_000 }).toContain(words)
}

describe('malformed shared content is contained to the part that shows it', () => {
  const session = useBrowserSession()

  const twoPeopleIn = async () => {
    const {
      id,
      a: annaPage,
      b: benPage,
    } = await session.twoPeopleInOneDocument(
      { role: 'member', name: `Anna Contained ${Date.now()}` },
      { role: 'member', name: `Ben Contained ${Date.now()}` },
      'Сдерживание сбоев',
    )
    return { id, annaPage, benPage }
  }

  it('a suggestion whose time is not a date never reaches anyone; the text stays usable for everyone', async () => {
    const { id, annaPage, benPage } = await twoPeopleIn()
    // Ben's browser, skipping the editor, writes the malformed suggestion while both are in.
    await sendRawUpdate(
      benPage,
      session.server.url,
      id,
      suggestedParagraph('sBadTime01', 'предложено сырым клиентом', 'not a date'),
    )
    // The server refuses it (updateRules); both go on typing, each seeing the other.
    await typedReaches(annaPage, benPage, ' Анна пишет дальше.')
    await typedReaches(benPage, annaPage, ' Бен тоже.')
    for (const page of [annaPage, benPage]) {
      expect(await editorOf(page).textContent()).not.toContain('предложено сырым клиентом')
      expect(await failedParts(page)).toEqual([])
    }

    // Someone opening the document afterwards gets the same working page.
    const carol = await session.server.newUser('member', 'Carol Contained')
    const carolPage = await session.openDocument(carol.email, carol.password, annaPage.url())
    await expect
      .poll(() => editorOf(carolPage).textContent(), { timeout: 10_000 })
      .toContain('Бен тоже.')
    expect(await editorOf(carolPage).textContent()).not.toContain('предложено сырым клиентом')
  })

  // Also: a suggestion written under a forged name is rewritten to its sender by the server;
  // typing right after it must still reach everyone.
  it('a panel that fails to draw is replaced by a notice; the text and the other panels stay', async () => {
    const { id, annaPage, benPage } = await twoPeopleIn()
    // Any failure while drawing the suggestions panel; here formatting a time throws.
    const formatting = (broken: boolean) =>
      annaPage.evaluate((broken) => {
        const saved = window as unknown as { originalFormat?: PropertyDescriptor }
        const proto = Intl.DateTimeFormat.prototype
        saved.originalFormat ??= Object.getOwnPropertyDescriptor(proto, 'format')
        const fails = () => {
          throw new RangeError('Invalid time value')
        }
        Object.defineProperty(
          proto,
          'format',
          broken ? { configurable: true, get: () => fails } : (saved.originalFormat ?? {}),
        )
      }, broken)
    await formatting(true)
    await sendRawUpdate(
      benPage,
      session.server.url,
      id,
      suggestedParagraph('sGoodTime1', 'обычное предложение', new Date().toISOString()),
    )
    await expect.poll(() => failedParts(annaPage), { timeout: 10_000 }).toEqual(['suggestions'])
    await expect
      .poll(() => annaPage.getByRole('alert').allTextContents())
      .toContainEqual(expect.stringContaining('The suggestions panel could not be shown.'))
    await expect(suggestionsPanel(annaPage).count()).resolves.toBe(0)
    // Everything else still works: the text both ways, the comments panel, the outline.
    await typedReaches(annaPage, benPage, ' Текст по-прежнему правится.')
    await typedReaches(benPage, annaPage, ' И доходит до всех.')
    await expect(
      annaPage.getByRole('button', { name: 'Comment on selection' }).count(),
    ).resolves.toBe(1)
    await expect(annaPage.getByTestId('outline').count()).resolves.toBe(1)
    expect(await failedParts(benPage)).toEqual([])

    // Once the cause is gone, "Try again" brings the panel back.
    await formatting(false)
    await annaPage.getByTestId('part-failed').getByRole('button', { name: 'Try again' }).click()
    await expect
      .poll(() => suggestionsPanel(annaPage).textContent())
      .toContain('обычное предложение')
    expect(await failedParts(annaPage)).toEqual([])
  })
})
