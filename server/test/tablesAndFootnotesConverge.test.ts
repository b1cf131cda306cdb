import { documentSchema, footnoteNumbers } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it, vi } from 'vitest'
import { editAs, pmDoc, posOf, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const text = (t: string) => ({ type: 'text', text: t })
const cell = (t: string, type = 'tableCell', attrs = {}) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, ...attrs },
  content: [{ type: 'paragraph', content: [text(t)] }],
})

/** A clause with a definitions table (a header row, a merged cell) and a footnote. */
const seed: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'defs' },
      content: [
        { type: 'clauseHeading', content: [text('Definitions')] },
        {
          type: 'paragraph',
          content: [text('Terms'), { type: 'footnote', content: [text('See the glossary.')] }],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [cell('Term', 'tableHeader'), cell('Meaning', 'tableHeader')],
            },
            { type: 'tableRow', content: [cell('Office'), cell('The ombudsman office')] },
            {
              type: 'tableRow',
              content: [cell('Member'), cell('A city', 'tableCell', { rowspan: 1 })],
            },
          ],
        },
      ],
    },
  ],
}

/** The texts of the table's cells, row by row. */
const cellTexts = (json: JSONContent): string[][] => {
  const table = json.content?.[0]?.content?.find((n) => n.type === 'table')
  return (table?.content ?? []).map((row) =>
    (row.content ?? []).map((c) =>
      (c.content ?? []).map((p) => p.content?.map((t) => t.text).join('') ?? '').join('\n'),
    ),
  )
}

describe('tables and footnotes through the real server', () => {
  const t = useTestServer()

  it('two members editing different cells and a footnote at once converge, with the table intact', async () => {
    const { docId, a, b } = await t.twoMembersInOneDocument()
    writeBody(a.doc, seed)
    await vi.waitFor(() =>
      expect(cellTexts(pmDoc(b.doc).toJSON())[1]).toEqual(['Office', 'The ombudsman office']),
    )

    // Both edit before either hears of the other's change.
    b.provider.disconnect()
    editAs(a.doc, (tr) => tr.insertText('Ombudsman ', posOf(tr.doc, 'Office')))
    editAs(a.doc, (tr) =>
      tr.insertText(' Updated.', posOf(tr.doc, 'glossary.') + 'glossary.'.length),
    )
    editAs(b.doc, (tr) =>
      tr.insertText('A member city', posOf(tr.doc, 'A city'), posOf(tr.doc, 'A city') + 6),
    )
    editAs(b.doc, (tr) => tr.insertText('Term ', posOf(tr.doc, 'Meaning')))
    b.provider.connect()

    await vi.waitFor(() => {
      expect(pmDoc(a.doc).toJSON()).toEqual(pmDoc(b.doc).toJSON())
      expect(cellTexts(pmDoc(a.doc).toJSON())).toEqual([
        ['Term', 'Term Meaning'],
        ['Ombudsman Office', 'The ombudsman office'],
        ['Member', 'A member city'],
      ])
    })
    const merged = pmDoc(a.doc)
    expect(() => documentSchema().nodeFromJSON(merged.toJSON()).check()).not.toThrow()
    expect(footnoteNumbers(merged).map((f) => f.node.textContent)).toEqual([
      'See the glossary. Updated.',
    ])
    expect(merged.toJSON().content[0].content[2].content[0].content[0].type).toBe('tableHeader')

    // A third person joining later receives the same table, from the server's copy.
    const carol = await t.newUser('observer', 'Carol')
    const c = t.client(docId, carol.cookie)
    await c.synced()
    await vi.waitFor(() => expect(pmDoc(c.doc).toJSON()).toEqual(merged.toJSON()))
  })
})
