import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blockText } from './utils/editorText'
import { sendRawUpdate, serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { useBrowserSession } from './utils/useBrowserSession'

/** The names of the text's top-level blocks in the page, in order. */
const pageBlocks = (page: Page) =>
  page
    .locator('.ProseMirror')
    .evaluate((editor) => [...editor.children].map((block) => block.tagName.toLowerCase()))

const serverBlocks = async (page: Page, serverUrl: string, id: string) =>
  (await serverDocument(page, serverUrl, id))
    .getXmlFragment('default')
    .toArray()
    .map((block) => (block as Y.XmlElement).nodeName)

const paragraph = (text: string) => {
  const block = new Y.XmlElement('paragraph')
  block.insert(0, [new Y.XmlText(text)])
  return block
}

describe('a text ends as its authors wrote it', () => {
  const session = useBrowserSession()

  it('opening a text that ends in a list, and typing in it at once, adds no empty line after the list', async () => {
    const author = await session.server.newUser('member', 'Aigerim Author')
    const cookie = await session.server.signIn(author.email, author.password)
    const { id } = await session.server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Principles',
    })
    const doc = new Y.Doc()
    const list = new Y.XmlElement('bulletList')
    list.insert(
      0,
      ['Privacy by default.', 'Access for everyone.'].map((principle) => {
        const item = new Y.XmlElement('listItem')
        item.insert(0, [paragraph(principle)])
        return item
      }),
    )
    doc.getXmlFragment('default').insert(0, [paragraph('The principles:'), list])
    const authorPage = await session.signedIn(author.email, author.password)
    await sendRawUpdate(authorPage, session.server.url, id, Y.encodeStateAsUpdate(doc))

    const url = `${session.server.url}/documents/${id}`
    const open = async (role: 'member' | 'observer', name: string) => {
      const person = await session.server.newUser(role, name)
      return session.openDocument(person.email, person.password, url)
    }
    const [a, b, watching] = await Promise.all([
      open('member', 'Bolat Member'),
      open('member', 'Davit Member'),
      open('observer', 'Elnura Observer'),
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
