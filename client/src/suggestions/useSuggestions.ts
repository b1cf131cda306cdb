import { listSuggestions, type SuggestionSummary } from '@accord/schema'
import type { Editor } from '@tiptap/react'
import { useEffect, useState } from 'react'
import { suggestModeOn } from './SuggestMode'

/**
 * The suggestions in the editor's text, in document order, and whether suggest mode is on;
 * both follow every change, local or from others (suggestions live in the shared text).
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
    setState({ suggestions: listSuggestions(lastDoc), modeOn: lastMode })
    const update = () => {
      const doc = editor.state.doc
      const mode = suggestModeOn(editor.state)
      if (doc === lastDoc && mode === lastMode) return
      const changed = doc !== lastDoc
      lastDoc = doc
      lastMode = mode
      setState((old) => ({
        suggestions: changed ? listSuggestions(doc) : old.suggestions,
        modeOn: mode,
      }))
    }
    editor.on('transaction', update)
    return () => {
      editor.off('transaction', update)
    }
  }, [editor])
  return state
}
