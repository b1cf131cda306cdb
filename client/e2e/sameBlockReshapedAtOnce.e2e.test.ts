import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { caretIn, textBlocks } from './utils/caret'
import { outgoingHold } from './utils/outgoingHold'
import { serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

const blocks = async (page: Page) => (await textBlocks(page)).map((block) => block.text)

const TEXT = 'Право на доступ'

/** Making the paragraph a list item from the end of its text; typing on after it. */
const makeListItem = (typing?: string) => async (page: Page) => {
  await caretIn(page, 'Право', TEXT.length)
  await page.keyboard.press('ControlOrMeta+Shift+8')
  if (typing) await page.keyboard.type(typing, { delay: 40 })
}

/** Joining "Конец." to the paragraph (Backspace at its start). */
const joinNext = async (page: Page) => {
  await caretIn(page, 'Конец.', 0)
  await page.keyboard.press('Backspace')
}

/** Splitting the paragraph before "на" (Enter). */
const splitBeforeNa = async (page: Page) => {
  await caretIn(page, 'Право', 'Право '.length)
  await page.keyboard.press('Enter')
}

/** What Anna and Boris do to the paragraph at once, the text after, and how many list items. */
const CASES: {
  name: string
  anna: (page: Page) => Promise<void>
  boris: (page: Page) => Promise<void>
  ending: string[]
  listItems: number
}[] = [
  {
    name: 'both make it a list item: it is there once',
    anna: makeListItem(),
    boris: async (page) => {
      await caretIn(page, 'Право', 'Право'.length)
      await page.keyboard.press('ControlOrMeta+Shift+8')
    },
    ending: ['Преамбула.', TEXT, 'Конец.'],
    listItems: 1,
  },
  {
    name: 'both make it a list item and go on typing in it: every key is there once',
    anna: makeListItem(' к сети'),
    boris: async (page) => {
      await caretIn(page, 'Право', 'Право'.length)
      await page.keyboard.press('ControlOrMeta+Shift+8')
      await page.keyboard.type(' граждан', { delay: 40 })
    },
    ending: ['Преамбула.', 'Право граждан на доступ к сети', 'Конец.'],
    listItems: 1,
  },
  {
    name: 'both join the next paragraph to it: the joined text is there once',
    anna: joinNext,
    boris: joinNext,
    ending: ['Преамбула.', `${TEXT}Конец.`],
    listItems: 0,
  },
  {
    name: 'one makes it a list item, the other joins the next one to it: the join reaches the list item',
    anna: makeListItem(),
    boris: joinNext,
    ending: ['Преамбула.', `${TEXT}Конец.`],
    listItems: 1,
  },
  {
    name: 'one makes it a list item, the other splits it: the tail is there once',
    anna: makeListItem(),
    boris: splitBeforeNa,
    ending: ['Преамбула.', 'Право ', 'на доступ', 'Конец.'],
    listItems: 1,
  },
  {
    name: 'one splits it, the other makes it a list item: the tail is there once',
    anna: splitBeforeNa,
    boris: makeListItem(),
    ending: ['Преамбула.', 'Право ', 'на доступ', 'Конец.'],
    listItems: 1,
  },
  {
    name: 'one joins the next one to it, the other makes it a list item: the join reaches the list item',
    anna: joinNext,
    boris: makeListItem(),
    ending: ['Преамбула.', `${TEXT}Конец.`],
    listItems: 1,
  },
]

/**
 * Two members re-shape the same paragraph before either sees the other's change: Anna's
 * change is held back on its way until Boris's has reached her page. Each page
 * writes its change as the paragraph deleted and a copy inserted (a join: the next one's
 * text inserted); the server keeps one copy, and the page whose copy went types its keys again.
 * A join or split against a list item is carried into the list item's copy by the server.
 */
describe('one paragraph re-shaped by two people at once', () => {
  const session = useBrowserSession()

  for (const [n, { name, anna: annaDoes, boris, ending, listItems }] of CASES.entries()) {
    it(name, async () => {
      const anna = outgoingHold()
      const { id, url, authorPage } = await seededDocument(
        session,
        { role: 'member', name: `Aruzhan Author ${n}` },
        'Re-shaped twice',
        [yParagraph('Преамбула.'), yParagraph(TEXT), yParagraph('Конец.')],
      )
      const [annaPage, borisPage] = await Promise.all([
        session.newPersonOpens({ role: 'member', name: `Anna Listmaker ${n}` }, url, anna.route),
        session.newPersonOpens({ role: 'member', name: `Boris Reshaper ${n}` }, url),
      ])
      const everyone = [annaPage, borisPage]
      for (const page of everyone) await expect.poll(() => blocks(page)).toContain('Конец.')

      anna.hold()
      await annaDoes(annaPage)
      const annaSaw = (await blocks(annaPage)).join('|')
      await boris(borisPage)
      // Boris's change reaches Anna's page while hers is still on its way.
      await expect.poll(async () => (await blocks(annaPage)).join('|')).not.toBe(annaSaw)
      anna.release()

      for (const page of everyone) {
        await expect.poll(() => blocks(page)).toEqual(ending)
        await expect.poll(() => page.locator('.ProseMirror li').count()).toBe(listItems)
      }
      await saved(annaPage)
      await saved(borisPage)
      const held = await serverDocument(authorPage, session.server.url, id)
      const shared = held.getXmlFragment('default').toString()
      expect(shared.split('<listitem>').length - 1).toBe(listItems)
      expect(shared).toContain(`<paragraph>${ending[1]}</paragraph>`)
    })
  }
})
