import * as prng from 'lib0/prng'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { putCaret, textBlocks } from './utils/caret'
import { serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { newSharedClause } from './utils/sharedClause'
import { useBrowserSession } from './utils/useBrowserSession'

/** Reproduce a run with ACCORD_RESHAPE_SEED=<the seed in the test's name>. */
const SEED = Number(process.env.ACCORD_RESHAPE_SEED ?? Math.floor(Math.random() * 2 ** 31))

const PEOPLE = [
  { name: 'Anna Shaper', prefix: 'ан' },
  { name: 'Boris Shaper', prefix: 'бо' },
  { name: 'Vera Shaper', prefix: 'ве' },
] as const
const STEPS_PER_PERSON = 8
const SYLLABLES = ['ка', 'ло', 'ми', 'ну', 'ре', 'са', 'ти', 'фо', 'че', 'шу']

/**
 * What a person does, in the text block at `block` (counted in the text as they see it then,
 * modulo the number of blocks).
 */
type Step =
  | { kind: 'type'; block: number; atStart: boolean; text: string }
  | { kind: 'newParagraph'; block: number; text: string }
  | { kind: 'joinBackward'; block: number }
  | { kind: 'newListItem'; block: number; text: string }
  | { kind: 'bold'; block: number; text: string }

interface Planned {
  step: Step
  /** Milliseconds before the caret is placed. */
  pause: number
  /** Milliseconds between keystrokes. */
  keyDelay: number
}

const plan = (gen: prng.PRNG): Planned[][] => {
  let serial = 0
  const word = (person: number) => {
    serial += 1
    return `${PEOPLE[person]?.prefix}${prng.oneOf(gen, SYLLABLES)}${serial}`
  }
  return PEOPLE.map((_, person) =>
    Array.from({ length: STEPS_PER_PERSON }, (): Planned => {
      const block = prng.int32(gen, 0, 30)
      const kind = prng.oneOf(gen, [
        'type',
        'type',
        'newParagraph',
        'joinBackward',
        'newListItem',
        'bold',
      ] as const)
      const step: Step =
        kind === 'type'
          ? { kind, block, atStart: prng.bool(gen), text: word(person) }
          : kind === 'joinBackward'
            ? { kind, block }
            : { kind, block, text: word(person) }
      return { step, pause: prng.int32(gen, 0, 300), keyDelay: prng.int32(gen, 5, 35) }
    }),
  )
}

/** Puts the caret at the start or the end of the page's n-th text block (modulo their number). */
const placeCaret = async (page: Page, block: number, atStart: boolean) => {
  const blocks = await textBlocks(page)
  const target = blocks[block % blocks.length]
  if (!target) throw new Error('no text block')
  await putCaret(page, atStart ? target.from : target.to)
}

const perform = async (page: Page, { step, pause, keyDelay }: Planned) => {
  await page.waitForTimeout(pause)
  const keys = { delay: keyDelay }
  switch (step.kind) {
    case 'type':
      await placeCaret(page, step.block, step.atStart)
      await page.keyboard.type(step.atStart ? `${step.text} ` : ` ${step.text}`, keys)
      return
    case 'newParagraph':
      await placeCaret(page, step.block, false)
      await page.keyboard.press('Enter')
      await page.keyboard.type(step.text, keys)
      return
    case 'joinBackward':
      await placeCaret(page, step.block, true)
      await page.keyboard.press('Backspace')
      return
    case 'newListItem':
      await placeCaret(page, step.block, false)
      await page.keyboard.press('Enter')
      await page.keyboard.type(step.text, keys)
      await page.keyboard.press('ControlOrMeta+Shift+8')
      return
    case 'bold':
      await placeCaret(page, step.block, false)
      await page.keyboard.press('ControlOrMeta+b')
      await page.keyboard.type(step.text, keys)
      await page.keyboard.press('ControlOrMeta+b')
  }
}

/** The page's document as its editor holds it, and as its Yjs document does. */
const pageState = (page: Page) =>
  page.evaluate(() => {
    const editor = (
      document.querySelector('.ProseMirror') as unknown as {
        editor: { getJSON(): unknown; state: object }
      }
    ).editor
    const sync = (editor.state as unknown as Record<string, { binding: { type: object } }>)[
      'y-sync$'
    ]
    return {
      json: JSON.stringify(editor.getJSON()),
      shared: String(sync?.binding.type),
    }
  })

describe('three people reshape one text at once', () => {
  const session = useBrowserSession()

  it(`every page, a newcomer and the server end with the same document (seed ${SEED})`, async () => {
    console.info(`threePeopleReshapeOneText: ACCORD_RESHAPE_SEED=${SEED}`)
    const steps = plan(prng.create(SEED))
    const people = await Promise.all(
      PEOPLE.map(({ name }) => session.server.newUser('member', name)),
    )
    const [first] = people
    if (!first) throw new Error('nobody to create the document')
    const authorPage = await session.signedIn(first.email, first.password)
    const url = await newSharedClause(
      session,
      authorPage,
      await session.server.signIn(first.email, first.password),
    )
    const pages = await Promise.all(
      people.map((person) => session.openDocument(person.email, person.password, url)),
    )
    for (const page of pages) {
      await expect.poll(() => page.locator('.ProseMirror').innerText()).toContain('Преамбула.')
    }

    await Promise.all(
      pages.map(async (page, p) => {
        for (const planned of steps[p] ?? []) await perform(page, planned)
      }),
    )

    // Converged: the same editor document and the same shared text on every page.
    await expect
      .poll(
        async () => new Set((await Promise.all(pages.map(pageState))).map((s) => s.json)).size,
        {
          timeout: 30_000,
        },
      )
      .toBe(1)
    for (const page of pages) await saved(page)
    const states = await Promise.all(pages.map(pageState))
    const [reference] = states
    if (!reference) throw new Error('no page')
    for (const state of states) expect(state.shared).toBe(reference.shared)
    // What the pages show is what is shared: a newcomer builds the same document from it.
    const newcomer = await session.newPersonOpens({ role: 'observer', name: 'Gul Newcomer' }, url)
    await expect.poll(async () => (await pageState(newcomer)).json).toBe(reference.json)
    const id = url.split('/').pop() ?? ''
    const held = await serverDocument(authorPage, session.server.url, id)
    expect(held.getXmlFragment('default').toString()).toBe(reference.shared)
  })
})
