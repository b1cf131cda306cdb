import fs from 'node:fs'
import { clauseIdPlugin, documentSchema, outlineOfNode } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { pasteClauses } from './pasteClauses'

const schema = documentSchema()
const declaration = fs.readFileSync(
  new URL(
    '../../../../../shared/samples/cities-coalition-declaration.pdf-extract.ru.txt',
    import.meta.url,
  ),
  'utf8',
)
const numbered = '1. Доступ\nКаждый имеет доступ.\n\n2. Грамотность\nКаждый учится.'

const stateOf = (content: JSONContent[], cursor: number) => {
  const doc = schema.nodeFromJSON({ type: 'doc', content })
  return EditorState.create({
    schema,
    doc,
    selection: TextSelection.create(doc, cursor),
    plugins: [clauseIdPlugin()],
  })
}
const paste = (state: EditorState, text: string) => {
  const next = state.apply(pasteClauses(state, text))
  next.doc.check()
  return next
}
const headings = (state: EditorState) =>
  outlineOfNode(state.doc).map((e) => `${e.number} ${e.heading}`)

describe('pasteClauses', () => {
  it('makes an empty document of the pasted PDF text: title, preface, five principles', () => {
    const state = paste(stateOf([{ type: 'paragraph' }], 1), declaration)
    expect(state.doc.firstChild?.type.name).toBe('heading')
    expect(headings(state)).toHaveLength(5)
    expect(headings(state)[0]).toBe('1 Всеобщий и равный доступ к интернету и цифровая грамотность')
  })

  it('adds after the clause the cursor is in, never inside it', () => {
    const clause: JSONContent = {
      type: 'clause',
      attrs: { id: 'ca' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: 'Цели' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Текст' }] },
      ],
    }
    const state = paste(stateOf([clause], 9), numbered)
    expect(headings(state)).toEqual(['1 Цели', '2 Доступ', '3 Грамотность'])
    expect(state.doc.firstChild?.textContent).toBe('ЦелиТекст')
  })

  it('takes the place of an empty paragraph, with no title made of the first line', () => {
    const state = paste(
      stateOf(
        [
          { type: 'paragraph', content: [{ type: 'text', text: 'Преамбула' }] },
          { type: 'paragraph' },
        ],
        12,
      ),
      `Стандарт\n\n${numbered}`,
    )
    expect(state.doc.content.content.map((n) => n.type.name)).toEqual([
      'paragraph',
      'paragraph',
      'clause',
      'clause',
    ])
    expect(state.doc.child(1).textContent).toBe('Стандарт')
  })
})
