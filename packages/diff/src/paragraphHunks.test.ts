import { describe, expect, it } from 'vitest'
import { diffText } from './diffText.js'
import { changedParagraphs, splitParagraphs } from './paragraphHunks.js'

const body = (paragraphs: string[]) => paragraphs.join('\n\n')
const ten = Array.from({ length: 10 }, (_, i) => `Paragraph ${i + 1} stays.`)

describe('changedParagraphs', () => {
  it('keeps the changed paragraph and one on each side; the rest are counted gaps', () => {
    const after = [...ten]
    after[4] = 'Paragraph 5 was rewritten.'
    const hunks = changedParagraphs(diffText(body(ten), body(after), 'en'))
    expect(hunks.map((h) => (h.kind === 'gap' ? `gap ${h.count}` : h.index))).toEqual([
      'gap 3',
      3,
      4,
      5,
      'gap 4',
    ])
    const changed = hunks.find((h) => h.kind === 'paragraph' && h.index === 4)
    const inserted = changed?.kind === 'paragraph' ? changed.changes : []
    expect(inserted.filter((c) => c.type === 'insert').map((c) => c.text.trim())).toEqual([
      'was rewritten',
    ])
  })

  it('merges nearby changes into one stretch, and shows a body without changes as one gap', () => {
    const after = [...ten]
    after[1] = 'Paragraph 2 moved on.'
    after[3] = 'Paragraph 4 moved on.'
    const shown = changedParagraphs(diffText(body(ten), body(after), 'en'))
    expect(shown.map((h) => (h.kind === 'gap' ? `gap ${h.count}` : h.index))).toEqual([
      0,
      1,
      2,
      3,
      4,
      'gap 5',
    ])
    expect(changedParagraphs(diffText(body(ten), body(ten), 'en'))).toEqual([
      { kind: 'gap', from: 0, count: 10 },
    ])
  })

  it('cuts a change that spans a paragraph break into both paragraphs', () => {
    const split = splitParagraphs([
      { type: 'equal', text: 'One' },
      { type: 'insert', text: ' more.\n\nTwo' },
    ])
    expect(split).toEqual([
      [
        { type: 'equal', text: 'One' },
        { type: 'insert', text: ' more.' },
      ],
      [{ type: 'insert', text: 'Two' }],
    ])
  })
})
