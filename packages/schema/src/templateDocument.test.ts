import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clauseOutline } from './clauseOutline.js'
import { documentSchema } from './documentSchema.js'
import { readSettings } from './documentSettings.js'
import { docToJSON } from './fragment.js'
import { templateDocument, templateUpdate } from './templateDocument.js'

describe('templateDocument', () => {
  it('makes a title, a preface and N empty clauses with distinct ids', () => {
    const json = templateDocument({
      title: 'Стандарт защиты прав человека в цифровой среде',
      preface: 'Рабочая группа,\nруководствуясь резолюцией,\n\nпринимает:',
      clauses: 5,
      language: 'ru',
    })
    expect(() => documentSchema().nodeFromJSON(json).check()).not.toThrow()
    expect(json.content?.slice(0, 3).map((n) => n.type)).toEqual([
      'heading',
      'paragraph',
      'paragraph',
    ])
    expect(json.content?.[1]?.content?.[0]?.text).toBe('Рабочая группа, руководствуясь резолюцией,')
    const outline = clauseOutline(json)
    expect(outline.map((e) => e.number)).toEqual(['1', '2', '3', '4', '5'])
    expect(outline.every((e) => e.heading === '')).toBe(true)
    expect(new Set(outline.map((e) => e.id)).size).toBe(5)
  })

  it('has an empty preface paragraph when none is given, and clamps the clause count', () => {
    const json = templateDocument({ title: 'T', clauses: -3, language: 'en' })
    expect(json.content?.map((n) => n.type)).toEqual(['heading', 'paragraph'])
    expect(
      clauseOutline(templateDocument({ title: 'T', clauses: 10_000, language: 'en' })),
    ).toHaveLength(200)
  })

  it('as a Yjs update, carries the document language', () => {
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, templateUpdate({ title: 'Standard', clauses: 2, language: 'en' }))
    expect(readSettings(ydoc).language).toBe('en')
    expect(clauseOutline(docToJSON(ydoc))).toHaveLength(2)
  })
})
