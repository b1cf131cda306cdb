import { describe, expect, it } from 'vitest'
import { documentSchema } from './documentSchema.js'

const schema = () => documentSchema()
const p = (text = '') => ({
  type: 'paragraph',
  ...(text ? { content: [{ type: 'text', text }] } : {}),
})
const h = (text = '') => ({
  type: 'clauseHeading',
  ...(text ? { content: [{ type: 'text', text }] } : {}),
})
const check = (content: unknown[]) => () => schema().nodeFromJSON({ type: 'doc', content }).check()

describe('the document schema', () => {
  // The extensions are listed one by one (extensions.ts); their order is the schema's, and the
  // first block type is what ProseMirror fills a required place with. Stored documents and
  // every replica's editor depend on both staying as they are.
  it('keeps its nodes and marks, in their order', () => {
    expect(Object.keys(schema().nodes)).toEqual([
      'paragraph',
      'codeBlock',
      'hardBreak',
      'heading',
      'horizontalRule',
      'text',
      'bulletList',
      'orderedList',
      'listItem',
      'blockquote',
      'doc',
      'clause',
      'subclause',
      'clauseHeading',
      'table',
      'tableRow',
      'tableHeader',
      'tableCell',
      'footnote',
      'clauseRef',
    ])
    expect(Object.keys(schema().marks)).toEqual([
      'link',
      'bold',
      'code',
      'italic',
      'strike',
      'underline',
      'insertion',
      'deletion',
      'modification',
    ])
  })

  it('still accepts documents made of paragraphs and headings only', () => {
    expect(
      check([
        { type: 'heading', attrs: { level: 1 }, content: [{ type: 'text', text: 'T' }] },
        p('x'),
      ]),
    ).not.toThrow()
  })

  it('accepts blocks before, between and after clauses', () => {
    const clause = { type: 'clause', attrs: { id: 'c1' }, content: [h('A'), p('body')] }
    expect(
      check([p('preface'), clause, p('between'), { ...clause, attrs: { id: 'c2' } }, p('end')]),
    ).not.toThrow()
  })

  it('accepts body blocks and sub-clauses in any order inside a clause', () => {
    const sub = { type: 'subclause', attrs: { id: 's' }, content: [h(), p('x')] }
    expect(
      check([{ type: 'clause', attrs: { id: 'c' }, content: [h('A'), sub, p('after'), sub] }]),
    ).not.toThrow()
  })

  it('refuses a clause without its heading, a sub-clause at the top, and clauses in clauses', () => {
    expect(check([{ type: 'clause', attrs: { id: 'c' }, content: [p('x')] }])).toThrow()
    expect(check([{ type: 'subclause', attrs: { id: 's' }, content: [h()] }])).toThrow()
    const inner = { type: 'clause', attrs: { id: 'i' }, content: [h()] }
    expect(check([{ type: 'clause', attrs: { id: 'c' }, content: [h(), inner] }])).toThrow()
    const deeper = { type: 'subclause', attrs: { id: 'd' }, content: [h()] }
    const sub = { type: 'subclause', attrs: { id: 's' }, content: [h(), deeper] }
    expect(check([{ type: 'clause', attrs: { id: 'c' }, content: [h(), sub] }])).toThrow()
  })
})
