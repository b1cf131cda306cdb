import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { caretIn, textBlocks } from './utils/caret'
import { blockText } from './utils/editorText'
import { outgoingHold } from './utils/outgoingHold'
import { serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

const HEADING = 'Право на информацию'

/**
 * What the typing member types at the end of "Один два" or at its start: before the change
 * (everyone has it), while it is made (held back on the way to the server: the copy will not
 * have these keys), and after it. At the start, less text comes before the held keys than the
 * 8 characters the copy is recognised by; "first": the held keys are the first typed there.
 */
const typedWords = (at: 'end' | 'start' | 'first') =>
  at === 'end'
    ? [' три четыре', ' пять шесть', ' семь восемь девять']
    : at === 'start'
      ? ['три ', 'пять шесть ', 'семь восемь девять ']
      : ['', 'ве', 'ра и ']
const TYPED = typedWords('end').join('')

/** The text of the page's text blocks, in order. */
const blocks = async (page: Page) => (await textBlocks(page)).map((block) => block.text)

/** Joining the paragraph that starts with `start` to the one before, and how that shows. */
const joinBackward = (start: string) => ({
  change: async (page: Page) => {
    await caretIn(page, start, 0)
    await page.keyboard.press('Backspace')
  },
  arrived: async (page: Page) =>
    (await blocks(page)).some((text) => text.startsWith(`Преамбула.${start}`)),
})

/** Making "Один два" a list item, and how that shows. */
const makeListItem = {
  change: async (page: Page) => {
    await caretIn(page, 'Один', 0)
    await page.getByRole('button', { name: 'Bulleted list' }).click()
  },
  arrived: async (page: Page) => (await page.locator('.ProseMirror li').count()) > 0,
}

/**
 * What one member does to the paragraph the other is typing in, and how the typing member's
 * page shows it has arrived.
 */
const CHANGES: {
  name: string
  /** Where in "Один два" the typing member types ("first": at its start, the first keys on their way). */
  at: 'end' | 'start' | 'first'
  change: (page: Page) => Promise<void>
  arrived: (page: Page) => Promise<boolean>
  /** The text blocks before the clause's, at the end. */
  blocks: string[]
}[] = [
  {
    name: 'joins it to the paragraph before',
    at: 'end',
    ...joinBackward('Один'),
    blocks: [`Преамбула.Один два${TYPED}`],
  },
  {
    name: 'splits it before the caret',
    at: 'end',
    change: async (page) => {
      await caretIn(page, 'Один', 'Один два'.length)
      await page.keyboard.press('Enter')
    },
    arrived: async (page) => (await blocks(page)).some((text) => text.startsWith(' три')),
    blocks: ['Преамбула.', 'Один два', TYPED],
  },
  {
    name: 'makes it a list item',
    at: 'end',
    ...makeListItem,
    blocks: ['Преамбула.', `Один два${TYPED}`],
  },
  {
    name: 'joins it to the paragraph before, the typing at its start',
    at: 'start',
    ...joinBackward('три'),
    blocks: [`Преамбула.${typedWords('start').join('')}Один два`],
  },
  {
    name: 'makes it a list item, the first keys at its start',
    at: 'first',
    ...makeListItem,
    blocks: ['Преамбула.', `${typedWords('first').join('')}Один два`],
  },
]

describe("another member reshapes the paragraph someone is typing in: the typing stays in that paragraph's text", () => {
  const session = useBrowserSession()

  for (const [n, { name, at, change, arrived, blocks: ending }] of CHANGES.entries()) {
    it(`one ${name}, with the typist's last keys on their way`, async () => {
      const outgoing = outgoingHold()
      const clause = new Y.XmlElement('clause')
      const heading = new Y.XmlElement('clauseHeading')
      heading.insert(0, [new Y.XmlText(HEADING)])
      clause.insert(0, [heading, yParagraph('Каждый имеет право на доступ.')])
      clause.setAttribute('id', `cCopied0000${n}`)
      const { id, url, authorPage } = await seededDocument(
        session,
        { role: 'member', name: `Aigerim Author ${n}` },
        'Reshaped while typed',
        [yParagraph('Преамбула.'), yParagraph('Один два'), clause],
      )
      const [reshaping, typing, watching] = await Promise.all([
        session.newPersonOpens({ role: 'member', name: `Bolat Reshaper ${n}` }, url),
        session.newPersonOpens({ role: 'member', name: `Davit Typist ${n}` }, url, outgoing.route),
        session.newPersonOpens({ role: 'observer', name: `Elnura Observer ${n}` }, url),
      ])
      const everyone = [reshaping, typing, watching]
      for (const page of everyone) {
        await expect.poll(() => blockText(page.locator('.ProseMirror h2').first())).toBe(HEADING)
      }

      const [typedBefore = '', inFlight = '', typedAfter = ''] = typedWords(at)
      await caretIn(typing, 'Один', at === 'end' ? 'Один два'.length : 0)
      await typing.keyboard.type(typedBefore, { delay: 40 })
      await expect
        .poll(() => reshaping.locator('.ProseMirror').innerText())
        .toContain(typedBefore.trim())
      // The typist's next keys are on their way when the change is made and arrives.
      outgoing.hold()
      await typing.keyboard.type(inFlight, { delay: 40 })
      await change(reshaping)
      await expect.poll(() => arrived(typing)).toBe(true)
      outgoing.release()
      await typing.keyboard.type(typedAfter, { delay: 40 })

      // The keys on their way when the change arrived are not in the copy: the typist's page
      // types them again after the text it typed them after (moves them, after a split), and
      // the words typed next follow them, in that block: none is lost, doubled or left behind.
      for (const page of everyone) {
        await expect
          .poll(() => blocks(page))
          .toEqual([...ending, HEADING, 'Каждый имеет право на доступ.'])
      }
      await saved(typing)
      await saved(reshaping)
      const held = await serverDocument(authorPage, session.server.url, id)
      const shared = held.getXmlFragment('default').toString()
      expect(shared).toContain(`<clauseheading>${HEADING}</clauseheading>`)
      expect(shared).toContain(`${ending.at(-1)}</paragraph>`)
    })
  }
})
