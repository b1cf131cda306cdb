import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { BODY_FRAGMENT, docToJSON, jsonToUpdate } from '../fragment.js'

const p = (text: string) => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const cell = (text: string, attrs: Record<string, number> = {}, type = 'tableCell') => ({
  type,
  attrs: { colspan: 1, rowspan: 1, ...attrs },
  content: [p(text)],
})

/** A definitions table: a header row, a cell spanning two columns, one spanning two rows. */
const definitionsTable = {
  type: 'table',
  content: [
    {
      type: 'tableRow',
      content: [cell('Term', {}, 'tableHeader'), cell('Meaning', { colspan: 2 }, 'tableHeader')],
    },
    { type: 'tableRow', content: [cell('Ombudsman', { rowspan: 2 }), cell('a'), cell('b')] },
    { type: 'tableRow', content: [cell('c'), cell('d')] },
  ],
}

const clause = (content: unknown[]) => ({
  type: 'clause',
  attrs: { id: 'c1' },
  content: [
    { type: 'clauseHeading', content: [{ type: 'text', text: 'Definitions' }] },
    ...content,
  ],
})

describe('tables in the document schema', () => {
  it('accepts a table with header cells and merged cells inside a clause and between clauses', () => {
    const doc = documentSchema().nodeFromJSON({
      type: 'doc',
      content: [clause([p('In this standard:'), definitionsTable]), definitionsTable],
    })
    expect(() => doc.check()).not.toThrow()
  })

  it('refuses a cell without a paragraph, and lists or tables inside cells', () => {
    const bad = (content: unknown[]) => () =>
      documentSchema()
        .nodeFromJSON({
          type: 'doc',
          content: [
            {
              type: 'table',
              content: [{ type: 'tableRow', content: [{ type: 'tableCell', content }] }],
            },
          ],
        })
        .check()
    expect(bad([])).toThrow()
    expect(bad([definitionsTable])).toThrow()
    expect(
      bad([{ type: 'bulletList', content: [{ type: 'listItem', content: [p('x')] }] }]),
    ).toThrow()
    expect(bad([p('fine')])).not.toThrow()
  })

  it('keeps header cells, spans and cell text through the Y.Doc', () => {
    const json = { type: 'doc', content: [clause([definitionsTable])] }
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, jsonToUpdate(json))
    const back = docToJSON(ydoc)
    const table = back.content?.[0]?.content?.[1]
    expect(table?.type).toBe('table')
    expect(table?.content?.[0]?.content?.map((c) => [c.type, c.attrs?.colspan])).toEqual([
      ['tableHeader', 1],
      ['tableHeader', 2],
    ])
    expect(table?.content?.[1]?.content?.[0]?.attrs?.rowspan).toBe(2)
    expect(ydoc.getXmlFragment(BODY_FRAGMENT).toString()).toContain('Ombudsman')
  })
})
