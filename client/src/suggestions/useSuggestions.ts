import { listSuggestions, type SuggestionSummary } from '@accord/schema'
import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { suggestModeOn } from './SuggestMode'
import { mayHoldSuggestions } from './suggestionDecorations'

/**
 * How long the list waits after a change before it is read again: reading walks the whole
 * text, and re-rendering the page on every keystroke of a long document costs typing latency.
 */
const LIST_DELAY_MS = 250

const sameList = (a: readonly SuggestionSummary[], b: readonly SuggestionSummary[]) =>
  a.length === b.length && JSON.stringify(a) === JSON.stringify(b)

/**
 * The suggestions in the editor's text, in document order, and whether suggest mode is on;
 * both follow every change, local or from others (suggestions live in the shared text). The
 * mode follows at once; the list within LIST_DELAY_MS, and only when it differs.
 */
export const useSuggestions = (
  editor: Editor | null,
): { suggestions: SuggestionSummary[]; modeOn: boolean } => {
  const [state, setState] = useState<{ suggestions: SuggestionSummary[]; modeOn: boolean }>({
    suggestions: [],
    modeOn: false,
  })
  useEffect(() => {
    if (!editor) return
    let lastDoc = editor.state.doc
    let lastMode = suggestModeOn(editor.state)
    let timer: number | undefined
    setState({ suggestions: listSuggestions(lastDoc), modeOn: lastMode })
    const readList = () => {
      timer = undefined
      // A text known to hold none is not walked (direct editing of a long text).
      const next = mayHoldSuggestions(editor.state) ? listSuggestions(editor.state.doc) : []
      setState((old) => (sameList(old.suggestions, next) ? old : { ...old, suggestions: next }))
    }
    const update = () => {
      const mode = suggestModeOn(editor.state)
      if (mode !== lastMode) {
        lastMode = mode
        setState((old) => ({ ...old, modeOn: mode }))
      }
      if (editor.state.doc !== lastDoc) {
        lastDoc = editor.state.doc
        timer ??= window.setTimeout(readList, LIST_DELAY_MS)
      }
    }
    editor.on('transaction', update)
    return () => {
      editor.off('transaction', update)
      window.clearTimeout(timer)
    }
  }, [editor])
  return state
}
