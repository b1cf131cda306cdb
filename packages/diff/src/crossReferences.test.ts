import { describe, expect, it } from 'vitest'
import { diffDocuments } from './diffDocuments.js'
import { diffText } from './diffText.js'
import { type JsonNode, labelReferences } from './documentUnits.js'

const text = (t: string): JsonNode => ({ type: 'text', text: t })
const ref = (clauseId: string): JsonNode => ({ type: 'clauseRef', attrs: { clauseId } })
const clause = (id: string, heading: string, body: JsonNode[] = [text('Body.')]): JsonNode => ({
  type: 'clause',
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: [text(heading)] },
    { type: 'paragraph', content: body },
  ],
})
const doc = (...content: JsonNode[]): JsonNode => ({ type: 'doc', content })
const citing = (target: string) => clause('a', 'Scope', [text('See '), ref(target), text('.')])

describe('cross-references in the diff', () => {
  it('read as their target’s number, on one line with the words around them', () => {
    const diff = diffDocuments(doc(citing('b'), clause('b', 'Terms')), doc(citing('b')))
    const scope = diff.units.find((u) => u.key === 'a')
    expect(scope?.body.map((c) => c.text).join('')).toBe('See [→ 2].')
  })

  it('compare by target: the target renumbered is no change to the reference', () => {
    const before = doc(citing('b'), clause('x', 'Other'), clause('b', 'Terms'))
    const after = doc(citing('b'), clause('b', 'Terms'), clause('x', 'Other'))
    const scope = diffDocuments(before, after).units.find((u) => u.key === 'a')
    expect(scope?.status).toBe('unchanged')
  })

  it('show a reference pointed at another clause as a change', () => {
    const before = doc(citing('b'), clause('b', 'Terms'), clause('x', 'Other'))
    const after = doc(citing('x'), clause('b', 'Terms'), clause('x', 'Other'))
    const scope = diffDocuments(before, after).units.find((u) => u.key === 'a')
    expect(scope?.status).toBe('changed')
    expect(scope?.body.filter((c) => c.type !== 'equal').map((c) => [c.type, c.text])).toEqual([
      ['delete', '[→ 2]'],
      ['insert', '[→ 3]'],
    ])
  })
})

describe('labelReferences', () => {
  it('reads each reference of a compared text by its label, and leaves other brackets alone', () => {
    const label = (id: string) => (id === 'cTerms' ? 'Статья 3' : 'Статья ?')
    expect(labelReferences('См. [→ cTerms] и [→ gone]; [→ не id] [x]', label)).toBe(
      'См. Статья 3 и Статья ?; [→ не id] [x]',
    )
  })
})

describe('a word diff of compared texts', () => {
  const label = (id: string) => ({ cTerms: 'Статья 3', cScope: 'Статья 5' })[id] ?? 'Статья ?'

  it('keeps each reference whole, so that every change reads its label', () => {
    const changes = diffText(
      'См. [→ cTerms] и далее [→ cScope]',
      'См. [→ cScope] и далее [→ cScope][→ cTerms]',
    )
    const labelled = changes.map((c) => ({ ...c, text: labelReferences(c.text, label) }))
    expect(labelled.filter((c) => c.type !== 'equal')).toEqual([
      { type: 'delete', text: 'Статья 3' },
      { type: 'insert', text: 'Статья 5' },
      { type: 'insert', text: 'Статья 3' },
    ])
    expect(labelled.map((c) => c.text).join('')).not.toMatch(/→|cTerms|cScope/)
    // The texts themselves come back whole.
    const side = (type: string) =>
      changes
        .filter((c) => c.type !== type)
        .map((c) => c.text)
        .join('')
    expect(side('insert')).toBe('См. [→ cTerms] и далее [→ cScope]')
    expect(side('delete')).toBe('См. [→ cScope] и далее [→ cScope][→ cTerms]')
  })

  it('leaves private-use characters of the texts as they are', () => {
    const changes = diffText('\u{F0000} [→ cTerms]', '\u{F0000} [→ cScope]')
    expect(changes.map((c) => [c.type, c.text])).toEqual([
      ['equal', '\u{F0000} '],
      ['delete', '[→ cTerms]'],
      ['insert', '[→ cScope]'],
    ])
  })
})
