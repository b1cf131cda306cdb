import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { caretIn, textBlocks } from './utils/caret'
import { outgoingHold } from './utils/outgoingHold'
import { serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

const blocks = async (page: Page) => (await textBlocks(page)).map((block) => block.text)

/**
 * Two members make the same paragraph a list item before either sees the other's change:
 * Anna's change is held back on its way until Boris's has reached her page. Each page writes
 * the paragraph as deleted and a list holding a copy inserted; the server keeps one copy.
 */
describe('one paragraph made a list item by two people at once', () => {
  const session = useBrowserSession()

  for (const typing of [false, true]) {
    it(
      typing ? 'both go on typing in it: every key is there once' : 'it is there once',
      async () => {
        const anna = outgoingHold()
        const n = typing ? 1 : 0
        const { id, url, authorPage } = await seededDocument(
          session,
          { role: 'member', name: `Aruzhan Author ${n}` },
          'Made a list item twice',
          [yParagraph('Преамбула.'), yParagraph('Право на доступ'), yParagraph('Конец.')],
        )
        const [annaPage, borisPage] = await Promise.all([
          session.newPersonOpens({ role: 'member', name: `Anna Listmaker ${n}` }, url, anna.route),
          session.newPersonOpens({ role: 'member', name: `Boris Listmaker ${n}` }, url),
        ])
        const everyone = [annaPage, borisPage]
        for (const page of everyone) await expect.poll(() => blocks(page)).toContain('Конец.')

        await caretIn(annaPage, 'Право', 'Право на доступ'.length)
        await caretIn(borisPage, 'Право', 'Право'.length)
        anna.hold()
        await annaPage.keyboard.press('ControlOrMeta+Shift+8')
        if (typing) await annaPage.keyboard.type(' к сети', { delay: 40 })
        await borisPage.keyboard.press('ControlOrMeta+Shift+8')
        if (typing) await borisPage.keyboard.type(' граждан', { delay: 40 })
        // Boris's list reaches Anna's page while hers is still on its way.
        await expect.poll(() => annaPage.locator('.ProseMirror li').count()).toBe(2)
        anna.release()

        const expected = typing
          ? ['Преамбула.', 'Право граждан на доступ к сети', 'Конец.']
          : ['Преамбула.', 'Право на доступ', 'Конец.']
        for (const page of everyone) {
          await expect.poll(() => blocks(page)).toEqual(expected)
          await expect.poll(() => page.locator('.ProseMirror li').count()).toBe(1)
        }
        await saved(annaPage)
        await saved(borisPage)
        const held = await serverDocument(authorPage, session.server.url, id)
        const shared = held.getXmlFragment('default').toString()
        expect(shared.split('<listitem>').length - 1).toBe(1)
        expect(shared).toContain(`<paragraph>${expected[1]}</paragraph>`)
      },
    )
  }
})
