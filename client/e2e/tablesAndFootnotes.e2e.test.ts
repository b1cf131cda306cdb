import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { checkAccessibility } from './utils/checkAccessibility'
import { seededDocument, yParagraph } from './utils/seededDocument'
import { useBrowserSession } from './utils/useBrowserSession'

describe('tables and footnotes in the editor', () => {
  const session = useBrowserSession()

  const announced = (page: Page) => page.getByTestId('announcer').textContent()

  it('a person inserts a table and a footnote from the keyboard; a second person sees both live', async () => {
    const { server } = session
    const anna = await server.newUser('member', 'Anna Petrova')
    const ben = await server.newUser('member', 'Ben Okafor')
    const cookie = await server.signIn(anna.email, anna.password)
    const { id } = await server.api<{ id: string }>('POST', '/api/documents', cookie, {
      title: 'Definitions',
    })
    const url = `${server.url}/documents/${id}`
    const a = await session.openDocument(anna.email, anna.password, url)
    const b = await session.openDocument(ben.email, ben.password, url)

    const editor = a.locator('.ProseMirror')
    await editor.click()
    await a.keyboard.type('Terms used')
    await a.getByRole('button', { name: 'Insert footnote' }).click()
    await a.keyboard.type('As in the charter.')
    await expect.poll(() => announced(a)).toContain('Footnote inserted')
    // Enter leads out of the footnote, a second one starts a new paragraph.
    await a.keyboard.press('Enter')
    await a.keyboard.press('Enter')

    await a.getByRole('button', { name: 'Insert table' }).click()
    await expect.poll(() => announced(a)).toContain('Table inserted')
    // Tab moves from cell to cell, header row first.
    for (const text of ['Term', 'Meaning', 'Note', 'Office', 'The ombudsman office']) {
      await a.keyboard.type(text)
      await a.keyboard.press('Tab')
    }
    // The table commands appear while the cursor is in the table.
    await a.getByRole('button', { name: 'Add row below' }).click()
    await expect.poll(() => announced(a)).toContain('Row added below')

    const benTable = b.locator('.ProseMirror table')
    await expect
      .poll(() => benTable.locator('th').allTextContents())
      .toEqual(['Term', 'Meaning', 'Note'])
    // The third cell holds Anna's caret (her name), so only the typed cells are compared.
    await expect
      .poll(async () =>
        (await benTable.locator('tr').nth(1).locator('td').allTextContents()).slice(0, 2),
      )
      .toEqual(['Office', 'The ombudsman office'])
    await expect.poll(() => benTable.locator('tr').count()).toBe(4)
    await expect
      .poll(() => b.locator('.ProseMirror .footnote').allTextContents())
      .toEqual(['As in the charter.'])
    // The footnote's number is its place in the document (a CSS counter), drawn before its text.
    const number = await b
      .locator('.ProseMirror .footnote')
      .evaluate((el) => getComputedStyle(el, '::before').content)
    expect(number).toContain('counter(footnote)')

    const report = await checkAccessibility(a, 'editor with a table and a footnote')
    expect(report.blocking).toEqual([])
  })

  it('a Tab pressed in a table before the table-editing code is here moves to the next cell once it is; the table commands then come on', async () => {
    const cells = ['Term', 'Meaning'].map((text) => {
      const cell = new Y.XmlElement('tableHeader')
      cell.insert(0, [yParagraph(text)])
      return cell
    })
    const row = new Y.XmlElement('tableRow')
    row.insert(0, cells)
    const table = new Y.XmlElement('table')
    table.insert(0, [row])
    const { url } = await seededDocument(
      session,
      { role: 'member', name: 'Aida Author' },
      'Definitions',
      [yParagraph('Terms:'), table, yParagraph('End.')],
    )
    const member = await session.server.newUser('member', 'Lev Member')
    // Without the service worker, whose copies the held fetch would not reach.
    const page = await session.signedIn(member.email, member.password, {
      viewport: { width: 1440, height: 900 },
      serviceWorkers: 'block',
    })
    // The table-editing code (its own chunk, fetched once the text is shown) is held.
    let release = () => {}
    const held = new Promise<void>((resolve) => {
      release = resolve
    })
    let asked = false
    await page.route(/\/assets\/tableCommands-[\w-]+\.js$/, async (route) => {
      asked = true
      await held
      await route.continue()
    })
    await page.goto(url)
    const firstCell = page.locator('.ProseMirror table th').first()
    await firstCell.click()
    await expect.poll(() => asked).toBe(true)
    const addRow = page.getByRole('button', { name: 'Add row below' })
    expect(await addRow.isDisabled()).toBe(true)

    await page.keyboard.press('End')
    await page.keyboard.press('Tab')
    // No tab character was typed while the code is held.
    await expect.poll(() => firstCell.textContent()).toBe('Term')
    release()
    const caretCell = () =>
      page.evaluate(
        () => window.getSelection()?.anchorNode?.parentElement?.closest('th')?.textContent,
      )
    await expect.poll(caretCell).toBe('Meaning')
    await expect.poll(() => addRow.isDisabled()).toBe(false)
    await addRow.click()
    await expect.poll(() => page.locator('.ProseMirror table tr').count()).toBe(2)
  })
})
