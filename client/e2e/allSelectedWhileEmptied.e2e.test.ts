import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blockText, pageBlocks } from './utils/editorText'
import { serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

describe('someone empties the text while another person has all of it selected', () => {
  const session = useBrowserSession()

  it("keeps the emptied blocks as they are: the selecting person's editor rewrites nothing", async () => {
    const list = new Y.XmlElement('bulletList')
    const item = new Y.XmlElement('listItem')
    item.insert(0, [yParagraph('Draft')])
    list.insert(0, [item])
    const { id, url, authorPage } = await seededDocument(
      session,
      { role: 'member', name: 'Aigerim Author' },
      'One principle',
      [list],
    )
    const [selecting, emptying, watching] = await Promise.all([
      session.newPersonOpens({ role: 'member', name: 'Bolat Member' }, url),
      session.newPersonOpens({ role: 'member', name: 'Davit Member' }, url),
      session.newPersonOpens({ role: 'observer', name: 'Elnura Observer' }, url),
    ])
    const everyone = [selecting, emptying, watching]
    for (const page of everyone) {
      await expect.poll(() => blockText(page.locator('.ProseMirror li'))).toBe('Draft')
    }

    // One member selects the whole text from its start to its end (to copy it, say) and leaves
    // it selected.
    await selecting.locator('.ProseMirror li p').click()
    await selecting.keyboard.press('Control+Home')
    await selecting.keyboard.press('Control+Shift+End')
    // The other deletes the item's words one key at a time, leaving the item empty.
    await emptying.locator('.ProseMirror li p').click()
    await emptying.keyboard.press('End')
    for (let i = 0; i < 'Draft'.length; i++) await emptying.keyboard.press('Backspace')
    for (const page of everyone) {
      await expect.poll(() => blockText(page.locator('.ProseMirror'))).toBe('')
      expect(await pageBlocks(page)).toEqual(['ul'])
    }

    // Both go on: the emptying member writes the new wording into the item, and the selecting
    // member adds to it at its end. Any rewrite of the selecting member's editor would be
    // written to the text with their first key.
    await emptying.keyboard.type('Privacy by default.', { delay: 20 })
    for (const page of everyone) {
      await expect
        .poll(() => blockText(page.locator('.ProseMirror li')))
        .toBe('Privacy by default.')
    }
    await selecting.locator('.ProseMirror li p').click()
    await selecting.keyboard.press('End')
    await selecting.keyboard.type(' Always.', { delay: 20 })
    for (const page of everyone) {
      await expect
        .poll(() => blockText(page.locator('.ProseMirror li')))
        .toBe('Privacy by default. Always.')
      expect(await pageBlocks(page)).toEqual(['ul'])
    }
    await saved(selecting)
    await saved(emptying)
    const held = (await serverDocument(authorPage, session.server.url, id)).getXmlFragment(
      'default',
    )
    expect(held.toArray().map((block) => (block as Y.XmlElement).nodeName)).toEqual(['bulletList'])
    const texts = [...held.createTreeWalker((node) => node instanceof Y.XmlText)] as Y.XmlText[]
    expect(texts.map((text) => text.toString()).join('')).toBe('Privacy by default. Always.')
  })
})
