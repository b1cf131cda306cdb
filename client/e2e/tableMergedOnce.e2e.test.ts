import type { Page, WebSocketRoute } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { blockText } from './utils/editorText'
import { sendRawUpdate, serverDocument } from './utils/rawUpdate'
import { saved } from './utils/saveState'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

const cell = (text: string) => {
  const element = new Y.XmlElement('tableCell')
  element.insert(0, [yParagraph(text)])
  return element
}
const row = (...texts: string[]) => {
  const element = new Y.XmlElement('tableRow')
  element.insert(0, texts.map(cell))
  return element
}

/** The number of cells in each row of the text's first table, in the page. */
const pageRows = (page: Page) =>
  page
    .locator('.ProseMirror table tr')
    .evaluateAll((rows) => rows.map((tr) => tr.querySelectorAll('td, th').length))

/** The same, as the server holds the text. */
const serverRows = async (page: Page, serverUrl: string, id: string) => {
  const table = (await serverDocument(page, serverUrl, id))
    .getXmlFragment('default')
    .toArray()
    .find((block) => (block as Y.XmlElement).nodeName === 'table') as Y.XmlElement
  return table.toArray().map((tableRow) => (tableRow as Y.XmlElement).length)
}

describe('a table two people change at once', () => {
  const session = useBrowserSession()

  it('a column and a row added at once: nobody adds cells for it, offline or not; the next person to edit the table completes it, once', async () => {
    const table = new Y.XmlElement('table')
    table.insert(0, [row('Item', 'Cost'), row('Servers', '100')])
    const {
      id,
      url,
      authorPage,
      doc: base,
    } = await seededDocument(session, { role: 'member', name: 'Aida Author' }, 'Budget', [
      yParagraph('Budget:'),
      table,
      yParagraph('End.'),
    ])
    // The second member's connection can be cut, as on a flaky network.
    let cut = false
    let socket: WebSocketRoute | undefined
    const [a, b, watching] = await Promise.all([
      session.newPersonOpens({ role: 'member', name: 'Bekzod Member' }, url),
      session.newPersonOpens({ role: 'member', name: 'Dilnoza Member' }, url, (page) =>
        page.routeWebSocket(/\/collab\//, (route) => {
          socket = route
          if (cut) route.close({ code: 4000, reason: 'unreachable' })
          else route.connectToServer()
        }),
      ),
      session.newPersonOpens({ role: 'observer', name: 'Emil Observer' }, url),
    ])
    const everyone = [a, b, watching]
    for (const page of everyone) await expect.poll(() => pageRows(page)).toEqual([2, 2])

    // Two people change the table's shape at the same moment, neither seeing the other's
    // change: one adds a column (a cell to each row), the other a row of two cells.
    const baseState = Y.encodeStateAsUpdate(base)
    const withColumn = new Y.Doc()
    Y.applyUpdate(withColumn, baseState)
    const columnRows = (withColumn.getXmlFragment('default').get(1) as Y.XmlElement).toArray()
    ;(columnRows[0] as Y.XmlElement).push([cell('Note')])
    ;(columnRows[1] as Y.XmlElement).push([cell('yearly')])
    const withRow = new Y.Doc()
    Y.applyUpdate(withRow, baseState)
    ;(withRow.getXmlFragment('default').get(1) as Y.XmlElement).push([row('Translation', '40')])
    await Promise.all([
      sendRawUpdate(
        authorPage,
        session.server.url,
        id,
        Y.encodeStateAsUpdate(withColumn, Y.encodeStateVector(base)),
      ),
      sendRawUpdate(
        authorPage,
        session.server.url,
        id,
        Y.encodeStateAsUpdate(withRow, Y.encodeStateVector(base)),
      ),
    ])
    for (const page of everyone) await expect.poll(() => pageRows(page)).toEqual([3, 3, 2])

    // The second member's connection drops; both members type, outside the table.
    cut = true
    await socket?.close({ code: 4000, reason: 'unreachable' })
    await expect
      .poll(() => b.getByTestId('connection-state').getAttribute('data-state'))
      .not.toBe('connected')
    await a.locator('.ProseMirror > p').first().click()
    await a.keyboard.press('End')
    await b.locator('.ProseMirror > p').last().click()
    await b.keyboard.press('End')
    await Promise.all([
      a.keyboard.type(' for 2027', { delay: 25 }),
      b.keyboard.type(' Approved.', { delay: 30 }),
    ])
    await saved(a)
    // The connection returns.
    cut = false
    for (const page of everyone) {
      await expect
        .poll(() => blockText(page.locator('.ProseMirror > p').last()))
        .toBe('End. Approved.')
      await expect
        .poll(() => blockText(page.locator('.ProseMirror > p').first()))
        .toBe('Budget: for 2027')
    }
    await saved(a)
    await saved(b)
    for (const page of everyone) expect(await pageRows(page)).toEqual([3, 3, 2])
    expect(await serverRows(authorPage, session.server.url, id)).toEqual([3, 3, 2])

    // A member types into the short row: their edit completes it, and only it.
    await a.locator('.ProseMirror table tr').last().locator('td').last().click()
    await a.keyboard.press('End')
    await a.keyboard.type(' EUR')
    for (const page of everyone) await expect.poll(() => pageRows(page)).toEqual([3, 3, 3])
    await saved(a)
    expect(await serverRows(authorPage, session.server.url, id)).toEqual([3, 3, 3])
  })
})
