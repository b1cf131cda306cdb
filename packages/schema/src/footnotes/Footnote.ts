import { mergeAttributes, Node } from '@tiptap/core'
import { TextSelection } from '@tiptap/pm/state'

/** The node name of a footnote, in ProseMirror JSON, the Y.XmlFragment and every consumer. */
export const FOOTNOTE = 'footnote'

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    footnote: {
      /** Puts a new footnote after the selection and selects its text (one space), to type over. */
      insertFootnote: () => ReturnType
    }
  }
}

/**
 * A footnote: its reference mark and its text in one inline node, standing where the mark
 * stands. Its number is never stored: it is its place among the document's footnotes
 * (`footnoteNumbers`), so footnotes renumber themselves when text moves. Its text is edited
 * in place (the node is not an atom: the cursor goes into it like into a word), and because
 * the text lives in the node, a footnote moves, is copied and is deleted with its mark, and
 * through Yjs two people can edit the same footnote like any other text.
 */
export const Footnote = Node.create({
  name: FOOTNOTE,
  group: 'inline',
  inline: true,
  content: 'text*',
  // Formatting and suggestion marks inside the footnote's text, as in a paragraph.
  marks: '_',
  // Edits at its edges stay inside it (FootnoteKeys lets Enter and the right arrow lead out).
  isolating: true,
  parseHTML: () => [{ tag: 'span[data-type="footnote"]' }],
  renderHTML: ({ HTMLAttributes }) => [
    'span',
    mergeAttributes(HTMLAttributes, { 'data-type': FOOTNOTE, class: 'footnote' }),
    0,
  ],
  addCommands: () => ({
    insertFootnote:
      () =>
      ({ state, tr, dispatch }) => {
        const type = state.schema.nodes[FOOTNOTE]
        const { $from, to } = state.selection
        if (!type || !$from.parent.canReplaceWith($from.index(), $from.index(), type)) return false
        if (dispatch) {
          // The selected words stay; the footnote goes after them. It starts with one selected
          // space, which the first key typed replaces: the browser
          // cannot put its caret inside an empty inline element, and would type beside it.
          tr.insert(to, type.create(null, state.schema.text(' ')))
          tr.setSelection(TextSelection.create(tr.doc, to + 1, to + 2))
          dispatch(tr.scrollIntoView())
        }
        return true
      },
  }),
})
