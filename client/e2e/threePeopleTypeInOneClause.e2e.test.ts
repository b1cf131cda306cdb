import * as prng from 'lib0/prng'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { blockText } from './utils/editorText'
import {
  CLAUSE,
  CLAUSE_LINE_SELECTOR,
  type ClauseLine,
  newSharedClause,
} from './utils/sharedClause'
import { useBrowserSession } from './utils/useBrowserSession'

/** Reproduce a run with ACCORD_COTYPING_SEED=<the seed in the test's name>. */
const SEED = Number(process.env.ACCORD_COTYPING_SEED ?? Math.floor(Math.random() * 2 ** 31))

/** The clause's heading, its body and the sub-clause's body: everybody types in each at once. */
const LINES: ClauseLine[] = ['body', 'heading', 'subbody']
/** Each person's name, and the start of every word they type. */
const PEOPLE = [
  { name: 'Anna Typist', prefix: 'ан' },
  { name: 'Boris Typist', prefix: 'бо' },
  { name: 'Vera Typist', prefix: 'ве' },
] as const
const BURSTS_PER_LINE = 2
const SYLLABLES = ['ка', 'ло', 'ми', 'ну', 'ре', 'са', 'ти', 'фо', 'че', 'шу']

/** Where a burst is typed: at the start of the line, or right after its k-th original word. */
type Anchor = { start: true } | { after: number }

interface Burst {
  anchor: Anchor
  words: string[]
  /** Milliseconds before the caret is placed. */
  pause: number
  /** Milliseconds between keystrokes. */
  keyDelay: number
}

const baseWords = (line: ClauseLine) => CLAUSE[line].split(' ')

/** Every person's bursts for every line, drawn from the seed; every word is unique. */
const plan = (gen: prng.PRNG) => {
  let serial = 0
  const word = (person: number) => {
    serial += 1
    return `${PEOPLE[person]?.prefix}${prng.oneOf(gen, SYLLABLES)}${serial}`
  }
  return LINES.map((line) =>
    PEOPLE.map((_, person) =>
      Array.from({ length: BURSTS_PER_LINE }, (): Burst => {
        const k = prng.int32(gen, -1, baseWords(line).length - 1)
        return {
          anchor: k < 0 ? { start: true } : { after: k },
          words: Array.from({ length: 2 }, () => word(person)),
          pause: prng.int32(gen, 0, 250),
          keyDelay: prng.int32(gen, 5, 35),
        }
      }),
    ),
  )
}

/** What one person's own words look like in a line, ignoring everyone else's. */
const ownOrder = (line: ClauseLine, bursts: Burst[]): string[] => {
  const tokens = baseWords(line)
  for (const { anchor, words } of bursts) {
    const at = 'start' in anchor ? 0 : tokens.indexOf(baseWords(line)[anchor.after] ?? '') + 1
    tokens.splice(at, 0, ...words)
  }
  const own = new Set(bursts.flatMap((b) => b.words))
  return tokens.filter((t) => own.has(t))
}

/**
 * Puts the caret at the start of the line or right after one of its original words, found in
 * the editor's current text (others may have typed there already). Tiptap keeps its editor on
 * the editable element, so the position is exact; the typing itself goes through the keyboard.
 */
const placeCaret = (page: Page, line: ClauseLine, anchor: Anchor) =>
  page.evaluate(
    ({ selector, word }) => {
      interface TiptapLike {
        view: { posAtDOM(node: Node, offset: number): number; focus(): void }
        commands: { setTextSelection(pos: number): boolean }
        state: {
          doc: { resolve(pos: number): { parent: { textContent: string }; start(): number } }
        }
      }
      const element = document.querySelector(selector)
      const editor = (document.querySelector('.ProseMirror') as unknown as { editor: TiptapLike })
        .editor
      if (!element) throw new Error(`no ${selector}`)
      const start = editor.view.posAtDOM(element, 0)
      const $start = editor.state.doc.resolve(start)
      const text = $start.parent.textContent
      let offset = 0
      if (word !== null) {
        // Followed by a space or the end; someone typing at the line's start may be glued to
        // its front until they type their closing space.
        const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        const found = new RegExp(`${escaped}(?=\\s|$)`).exec(text)
        if (!found) throw new Error(`no "${word}" in "${text}"`)
        offset = found.index + word.length
      }
      editor.commands.setTextSelection($start.start() + offset)
      // At once: Tiptap's focus command waits for an animation frame, and the first keystrokes
      // would go nowhere.
      editor.view.focus()
    },
    {
      selector: CLAUSE_LINE_SELECTOR[line],
      word: 'start' in anchor ? null : (baseWords(line)[anchor.after] ?? ''),
    },
  )

const typeBurst = async (page: Page, line: ClauseLine, burst: Burst) => {
  await page.waitForTimeout(burst.pause)
  await placeCaret(page, line, burst.anchor)
  const text = 'start' in burst.anchor ? `${burst.words.join(' ')} ` : ` ${burst.words.join(' ')}`
  await page.keyboard.type(text, { delay: burst.keyDelay })
}

describe('three people type in one clause at once', () => {
  const session = useBrowserSession()

  it(`every word stays whole and where its author put it, and all converge (seed ${SEED})`, async () => {
    console.info(`threePeopleTypeInOneClause: ACCORD_COTYPING_SEED=${SEED}`)
    const bursts = plan(prng.create(SEED))
    const people = await Promise.all(
      PEOPLE.map(({ name }) => session.server.newUser('member', name)),
    )
    const [first, ...others] = people
    if (!first) throw new Error('nobody to create the document')
    const firstPage = await session.signedIn(first.email, first.password, {
      viewport: { width: 1440, height: 900 },
    })
    const url = await newSharedClause(
      session,
      firstPage,
      await session.server.signIn(first.email, first.password),
    )
    await firstPage.goto(url)
    const pages = [firstPage]
    for (const person of others) {
      pages.push(await session.openDocument(person.email, person.password, url))
    }

    for (const [l, line] of LINES.entries()) {
      // Everyone waits until they see the line, then all type in it at the same time.
      for (const page of pages) {
        await expect
          .poll(() => blockText(page.locator(CLAUSE_LINE_SELECTOR[line])), { timeout: 20_000 })
          .toContain(baseWords(line).at(-1))
      }
      await Promise.all(
        pages.map(async (page, p) => {
          for (const burst of bursts[l]?.[p] ?? []) await typeBurst(page, line, burst)
        }),
      )
    }

    const linesOf = (page: Page) =>
      Promise.all(LINES.map((line) => blockText(page.locator(CLAUSE_LINE_SELECTOR[line]))))
    const typed = bursts.flat(2).flatMap((b) => b.words)
    // Converged: every page holds the letters of every word typed anywhere, all the same text.
    for (const page of pages) {
      await expect
        .poll(
          async () => {
            const text = (await linesOf(page)).join(' ')
            return typed.filter((word) => !text.includes(word))
          },
          { timeout: 30_000 },
        )
        .toEqual([])
    }
    await expect
      .poll(
        async () => new Set((await Promise.all(pages.map(linesOf))).map((l) => l.join('\n'))).size,
        {
          timeout: 30_000,
        },
      )
      .toBe(1)
    const reference = await linesOf(pages[0] as Page)

    for (const [l, line] of LINES.entries()) {
      const tokens = (reference[l] ?? '').split(/\s+/).filter(Boolean)
      const base = baseWords(line)
      const where = `${line}: "${reference[l]}"`
      // The original words are all there, whole and in order.
      expect(
        tokens.filter((t) => base.includes(t)),
        where,
      ).toEqual(base)
      for (const [p, own] of (bursts[l] ?? []).entries()) {
        for (const { anchor, words } of own) {
          for (const word of words) {
            // Whole, once, and in the gap its author chose (after that many original words).
            expect(
              tokens.filter((t) => t === word),
              `${word} in ${where}`,
            ).toHaveLength(1)
            const gap = tokens.slice(0, tokens.indexOf(word)).filter((t) => base.includes(t))
            expect(gap.length, `${word} in ${where}`).toBe('start' in anchor ? 0 : anchor.after + 1)
          }
        }
        // In the order its author put them, relative to their own other words.
        const ownWords = new Set(own.flatMap((b) => b.words))
        expect(
          tokens.filter((t) => ownWords.has(t)),
          `${PEOPLE[p]?.name} in ${where}`,
        ).toEqual(ownOrder(line, own))
      }
    }
  })
})
