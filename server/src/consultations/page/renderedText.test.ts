import {
  type Block,
  type Child,
  type ExportClause,
  exportModel,
  fragment,
  htmlElement as h,
  htmlBlock,
  htmlClause,
  htmlFootnotes,
} from '@accord/export'
import { describe, expect, it } from 'vitest'
import { renderedText, textWith } from './renderedText.js'

const clause = (id: string, heading: string, ...content: object[]) => ({
  type: 'clause',
  attrs: { id },
  content: [{ type: 'clauseHeading', content: [{ type: 'text', text: heading }] }, ...content],
})
const paragraph = (text: string, ...more: object[]) => ({
  type: 'paragraph',
  content: [{ type: 'text', text }, ...more],
})

// A preface, clauses with and without sub-clauses, a footnote, markup-like text and conclusions.
const content = {
  type: 'doc',
  content: [
    paragraph('Preface <b>&amp;</b>'),
    clause(
      'a',
      'Scope',
      paragraph('Applies.', { type: 'footnote', content: [{ type: 'text', text: 'A note' }] }),
      { ...clause('a-1', 'Members', paragraph('And guests.')), type: 'subclause' },
      { ...clause('a-2', 'Guests', paragraph('Too.')), type: 'subclause' },
    ),
    clause('b', 'Terms', paragraph('None "quoted" \u0007here.')),
    paragraph('Adopted.'),
  ],
}

const model = exportModel(content, {
  documentId: 'd',
  title: 'Rules',
  language: 'en',
  clauseLabel: 'article',
  date: new Date('2026-01-01T00:00:00Z'),
})

/** What the page wrote before the text was rendered once: everything rendered each time. */
const straight = (after: (c: ExportClause) => Child) =>
  fragment(
    model.preface.map(htmlBlock),
    model.body.map((item: Block | ExportClause) =>
      item.type === 'clause' ? htmlClause(item, after) : htmlBlock(item),
    ),
    model.conclusions.map(htmlBlock),
    htmlFootnotes(model.footnotes),
  ).markup

describe('the consultation text rendered once', () => {
  it('gives, with each clause’s part put in its place, exactly the page rendered straight', () => {
    const after = (c: ExportClause) => h('aside', { id: `after-${c.id}` }, `<${c.number}>`)
    const text = renderedText(model)
    expect(text.clauses.map((c) => c.id)).toEqual(['a', 'a-1', 'a-2', 'b'])
    expect(textWith(text, after).markup).toBe(straight(after))
    expect(textWith(text, () => null).markup).toBe(straight(() => null))
  })

  it('is rendered once per version text and kept with it', () => {
    expect(renderedText(model)).toBe(renderedText(model))
  })
})
