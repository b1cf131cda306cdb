import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blockText, pageBlocks } from './utils/editorText'
import { serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

const serverBlocks = async (page: Page, serverUrl: string, id: string) =>
  (await serverDocument(page, serverUrl, id))
    .getXmlFragment('default')
    .toArray()
    .map((block) => (block as Y.XmlElement).nodeName)

describe('a text ends as its authors wrote it', () => {
  const session = useBrowserSession()

  it('opening a text that ends in a list, and typing in it at once, adds no empty line after the list', async () => {
    const list = new Y.XmlElement('bulletList')
    list.insert(
      0,
      ['Privacy by default.', 'Access for everyone.'].map((principle) => {
        const item = new Y.XmlElement('listItem')
        item.insert(0, [yParagraph(principle)])
        return item
      }),
    )
    const { id, url, authorPage } = await seededDocument(
      session,
      { role: 'member', name: 'Aigerim Author' },
      'Principles',
      [yParagraph('The principles:'), list],
    )
    const [a, b, watching] = await Promise.all([
      session.newPersonOpens({ role: 'member', name: 'Bolat Member' }, url),
      session.newPersonOpens({ role: 'member', name: 'Davit Member' }, url),
      session.newPersonOpens({ role: 'observer', name: 'Elnura Observer' }, url),
    ])
    const everyone = [a, b, watching]
    for (const page of everyone) {
      await expect.poll(() => page.locator('.ProseMirror li').count()).toBe(2)
      expect(await pageBlocks(page)).toEqual(['p', 'ul'])
    }

    // Both members type into the first paragraph at the same moment.
    await a.locator('.ProseMirror > p').first().click()
    await a.keyboard.press('Home')
    await b.locator('.ProseMirror > p').first().click()
    await b.keyboard.press('End')
    await Promise.all([
      a.keyboard.type('Agreed. ', { delay: 25 }),
      b.keyboard.type(' (all of them)', { delay: 30 }),
    ])
    for (const page of everyone) {
      await expect
        .poll(() => blockText(page.locator('.ProseMirror > p').first()))
        .toBe('Agreed. The principles: (all of them)')
    }
    await saved(a)
    await saved(b)
    for (const page of everyone) expect(await pageBlocks(page)).toEqual(['p', 'ul'])
    expect(await serverBlocks(authorPage, session.server.url, id)).toEqual([
      'paragraph',
      'bulletList',
    ])
  })

  it('a person whose own typing ends the text in a list gets a line after it, as everyone sees', async () => {
    const { a, b, id } = await session.twoPeopleInOneDocument(
      { role: 'member', name: 'Farida Member' },
      { role: 'member', name: 'Gor Member' },
      'A list at the end',
    )
    await a.locator('.ProseMirror').click()
    await a.keyboard.type('The principles:')
    await a.keyboard.press('Enter')
    await a.keyboard.type('- Privacy by default.')
    for (const page of [a, b]) {
      await expect.poll(() => page.locator('.ProseMirror li').count()).toBe(1)
      await expect.poll(() => pageBlocks(page)).toEqual(['p', 'ul', 'p'])
    }
    // The line after the list takes the caret, and the text typed there.
    await b.locator('.ProseMirror > p').last().click()
    await b.keyboard.type('Adopted.')
    for (const page of [a, b]) {
      await expect.poll(() => blockText(page.locator('.ProseMirror > p').last())).toBe('Adopted.')
    }
    await saved(a)
    await saved(b)
    expect(await serverBlocks(a, session.server.url, id)).toEqual([
      'paragraph',
      'bulletList',
      'paragraph',
    ])
  })
})
