import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, TextSelection, type Transaction } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

export const caretAfterTypedTextKey = new PluginKey('caretAfterTypedText')

/**
 * The transaction for text typed at `from`, with the caret after that text when the
 * default one (`deflt`, as ProseMirror read it from the page) left it before; null when the
 * default is right.
 */
const caretPutAfterTypedText = (
  view: EditorView,
  from: number,
  text: string,
  deflt: () => Transaction,
): Transaction | null => {
  if (view.composing || text.length === 0) return null
  const tr = deflt()
  const start = tr.mapping.map(from, -1)
  const end = start + text.length
  if (!tr.selection.empty || tr.selection.head !== start || end > tr.doc.content.size) return null
  // Only text that starts its paragraph: anywhere else a caret before it can be the same
  // keystroke read the other way (a space typed before a space: ProseMirror may place the new
  // one second, and the caret then rightly sits before it).
  if (tr.doc.resolve(start).parentOffset !== 0) return null
  // Only where the typed text was written: the caret belongs right after it.
  if (tr.doc.textBetween(start, end) !== text) return null
  return tr.setSelection(TextSelection.create(tr.doc, end))
}

/**
 * Keeps the caret after what is typed.
 *
 * Chromium, when a key follows an Enter closely (a busy page: a large text, a slow machine),
 * can write the character into the new empty paragraph and report the caret before it:
 * `<p>P<br></p>` with the selection at the paragraph's start. ProseMirror takes the caret
 * from the page, so every further key went in front of that character, which then travelled
 * to the end of whatever was typed next ("aragraph 8 … Paragraph 12 of the preface.P"), and
 * the binding recorded it so for everyone. Typed text always ends at the caret: where the
 * page puts the caret at the start of a paragraph that typed text begins, it is put after that
 * text. IME composition is left alone (ProseMirror already keeps the page's selection out of
 * it in Chromium).
 */
export const CaretAfterTypedText = Extension.create({
  name: 'caretAfterTypedText',
  // Below every other extension's: their input rules see typed text first.
  priority: 1,

  addProseMirrorPlugins: () => [
    new Plugin({
      key: caretAfterTypedTextKey,
      props: {
        handleTextInput(view, from, _to, text, deflt) {
          const tr = caretPutAfterTypedText(view, from, text, deflt)
          if (!tr) return false
          view.dispatch(tr)
          return true
        },
      },
    }),
  ],
})
