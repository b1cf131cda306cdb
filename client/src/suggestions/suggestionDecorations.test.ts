import { documentSchema } from '@accord/schema'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { mayHoldSuggestions, suggestChangesPlugins } from './suggestionDecorations'

const schema = documentSchema()
const attribution = { authorId: 'u1', authorName: 'Анна', at: '2026-11-29T02:00:00.000Z' }

const startState = () =>
  EditorState.create({
    schema,
    doc: schema.nodeFromJSON({
      type: 'doc',
      content: Array.from({ length: 20 }, (_, i) => ({
        type: 'paragraph',
        content: [{ type: 'text', text: `Paragraph ${i} of the text.` }],
      })),
    }),
    plugins: suggestChangesPlugins(),
  })

/** A position inside the n-th paragraph (they keep their sizes apart from what is typed at 3). */
const start = startState().doc
const inParagraph = (n: number) => {
  let pos = 0
  for (let i = 0; i < n; i++) pos += start.child(i).nodeSize
  return pos + 3
}

/** As the Yjs binding makes every remote change: the whole document replaced. */
const remote = (state: EditorState, change: (tr: Transaction) => void): Transaction => {
  const scratch = state.tr
  change(scratch)
  return state.tr.replaceWith(0, state.doc.content.size, scratch.doc.content)
}

describe('suggestion presence', () => {
  it('knows a text without suggestions holds none, through typing here and remotely', () => {
    let state = startState()
    expect(mayHoldSuggestions(state)).toBe(false)
    state = state.apply(state.tr.insertText('typed', inParagraph(4)))
    state = state.apply(remote(state, (tr) => tr.insertText('far', inParagraph(15))))
    expect(mayHoldSuggestions(state)).toBe(false)
  })

  it('sees a suggested insertion, local or remote, and forgets it once it is gone', () => {
    let state = startState()
    const mark = schema.marks.insertion?.create({ id: 's1', ...attribution })
    if (!mark) throw new Error('no insertion mark')
    const at = inParagraph(7)
    state = state.apply(state.tr.insert(at, schema.text('new words', [mark])))
    expect(mayHoldSuggestions(state)).toBe(true)
    // Typing elsewhere does not make it forget.
    state = state.apply(state.tr.insertText('x', inParagraph(15)))
    expect(mayHoldSuggestions(state)).toBe(true)
    // Accepted, as it were: the mark removed from the words.
    state = state.apply(state.tr.removeMark(at, at + 9, mark.type))
    expect(mayHoldSuggestions(state)).toBe(false)

    state = state.apply(
      remote(state, (tr) => tr.insert(inParagraph(12), schema.text('theirs', [mark]))),
    )
    expect(mayHoldSuggestions(state)).toBe(true)
    state = state.apply(remote(state, (tr) => tr.delete(inParagraph(12), inParagraph(12) + 6)))
    expect(mayHoldSuggestions(state)).toBe(false)
  })

  it('sees a block suggested whole', () => {
    let state = startState()
    state = state.apply(
      state.tr.setNodeAttribute(0, 'suggestion', { kind: 'deletion', id: 's2', ...attribution }),
    )
    expect(mayHoldSuggestions(state)).toBe(true)
  })
})
