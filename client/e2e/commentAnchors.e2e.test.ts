import type { Page } from 'playwright-core'
import { afterEach, describe, expect, it } from 'vitest'
import { pastePlainText } from './utils/pastePlainText'
import { selectWords as select } from './utils/selectWords'
import { useBrowserSession } from './utils/useBrowserSession'

/**
 * Three articles; "доступ" stands in the first one's heading and in both its paragraphs, so
 * a comment re-found by its words alone would jump to the wrong place.
 */
const CHARTER = [
  'Устав',
  'Статья 1. Право на доступ',
  'Каждый имеет право на доступ к информации.',
  'Доступ ограничивается только законом.',
  'Статья 2. Термины',
  'Слова значат то, что они значат.',
  'Статья 3. Сроки',
  'Сроки считаются в днях.',
].join('\n\n')

/** What a person sees of the comments: the highlighted words, and each thread's card. */
const seen = (page: Page) =>
  page.evaluate(() => {
    /** An article's heading as written, without its drawn label ("Статья 1"). */
    const headingOf = (element: Element) => {
      const heading = element
        .closest('section[data-type="clause"]')
        ?.querySelector('.clause-heading')
      const copy = heading?.cloneNode(true) as HTMLElement | undefined
      for (const label of copy?.querySelectorAll('.clause-label') ?? []) label.remove()
      return copy?.textContent ?? ''
    }
    return {
      // One entry per thread: a caret drawn inside the words splits their highlight in two.
      highlights: [
        ...[...document.querySelectorAll<HTMLElement>('.comment-highlight')]
          .reduce((threads, h) => {
            const id = h.dataset.threadId ?? ''
            threads.set(id, [...(threads.get(id) ?? []), h])
            return threads
          }, new Map<string, HTMLElement[]>())
          .values(),
      ].map((parts) => ({
        text: parts.map((h) => h.textContent).join(''),
        article: headingOf(parts[0] as Element),
        inHeading: parts.some((h) => !!h.closest('h1, h2, h3, h4, .clause-heading')),
      })),
      cards: [...document.querySelectorAll('.comment-thread')].map((c) => c.textContent ?? ''),
    }
  })

describe('a comment stays on its words, or says its text was removed', () => {
  const session = useBrowserSession()

  /** Anna and Ben in the same new document holding CHARTER; Anna comments on `words`. */
  let people = 0
  const opened: Page[] = []
  // Each test's two people leave when it ends, so the next one starts on a quiet machine.
  afterEach(async () => {
    for (const page of opened.splice(0)) await page.context().close()
  })

  const commentedCharter = async (
    paragraph: string,
    words: string,
    { tripleClick = false } = {},
  ) => {
    people++
    const { a, b } = await session.twoPeopleInOneDocument(
      { role: 'member', name: `Anna Petrova ${people}` },
      { role: 'member', name: `Ben Okafor ${people}` },
      'Устав',
    )
    opened.push(a, b)
    await pastePlainText(a, CHARTER)
    await expect.poll(() => b.locator('.clause-label').count()).toBe(3)

    if (tripleClick) {
      await a.locator('.ProseMirror p', { hasText: paragraph }).click({ clickCount: 3 })
      await a.evaluate(
        () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
      )
    } else await select(a, paragraph, words)
    await a.keyboard.press('Control+Alt+m')
    await a.getByLabel('Your comment').fill('Уточнить')
    await a.getByRole('button', { name: 'Post comment' }).click()
    for (const page of [a, b]) {
      await expect
        .poll(async () => (await seen(page)).highlights.map((h) => h.text))
        .toEqual([words])
    }
    return { a, b }
  }

  it('words deleted: "text removed" for both, never another "доступ" (not the heading); undone: back on them', async () => {
    const { a, b } = await commentedCharter('Каждый', 'доступ')
    await select(b, 'Каждый', 'доступ ')
    await b.keyboard.press('Backspace')
    for (const page of [a, b]) {
      await expect
        .poll(() => seen(page))
        .toEqual({ highlights: [], cards: [expect.stringContaining('Text removed')] })
    }
    // The other "доступ"s are still there: the heading and the second paragraph.
    expect(await a.locator('.ProseMirror').textContent()).toContain('Право на доступ')
    expect(await a.locator('.ProseMirror').textContent()).toContain('Доступ ограничивается')

    // Ben undoes: the words are back, and so is the comment, for both.
    await b.keyboard.press('Control+z')
    for (const page of [a, b]) {
      await expect
        .poll(async () => (await seen(page)).highlights)
        .toEqual([{ text: 'доступ', article: 'Право на доступ', inHeading: false }])
      await expect.poll(async () => (await seen(page)).cards[0]).not.toContain('Text removed')
    }
  })

  it('a comment on a whole paragraph, the paragraph deleted: "text removed" for both, nothing highlighted; undone: back on it', async () => {
    const whole = 'Доступ ограничивается только законом.'
    const { a, b } = await commentedCharter(whole, whole, { tripleClick: true })
    // Ben selects the paragraph as a person does (three clicks) and deletes it.
    await b.locator('.ProseMirror p', { hasText: 'ограничивается' }).click({ clickCount: 3 })
    await b.keyboard.press('Backspace')
    await expect
      .poll(() => b.locator('.ProseMirror p', { hasText: 'ограничивается' }).count())
      .toBe(0)
    for (const page of [a, b]) {
      await expect
        .poll(() => seen(page))
        .toEqual({ highlights: [], cards: [expect.stringContaining('Text removed')] })
    }
    await b.keyboard.press('Control+z')
    for (const page of [a, b]) {
      await expect
        .poll(async () => (await seen(page)).highlights.map((h) => h.text).join(''))
        .toBe(whole)
      await expect.poll(async () => (await seen(page)).cards[0]).not.toContain('Text removed')
    }
  })

  it('an article moved: still on the same words, in the same article, for both', async () => {
    const { a, b } = await commentedCharter('Каждый', 'право на доступ')
    // Ben moves article 1 below article 2 with the keyboard.
    await b.locator('.ProseMirror p', { hasText: 'Каждый имеет' }).click()
    await b.keyboard.press('Control+Alt+ArrowDown')
    await expect.poll(() => b.locator('.clause-heading').first().textContent()).toContain('Термины')
    for (const page of [a, b]) {
      await expect
        .poll(async () => (await seen(page)).highlights)
        .toEqual([{ text: 'право на доступ', article: 'Право на доступ', inHeading: false }])
      await expect.poll(async () => (await seen(page)).cards[0]).not.toContain('Text removed')
    }
  })
})
