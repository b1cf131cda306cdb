import type { SuggestionSummary } from '@accord/schema'
import type { Editor } from '@tiptap/react'
import { useEffect, useRef } from 'react'

/**
 * A link to a suggestion (`?suggestion=…`, from "My work" or a notification) selects its text
 * once it has arrived, as "Show" in the suggestions panel does; only once, so the person's own
 * selection is theirs afterwards.
 */
export const useWantedSuggestion = (
  editor: Editor | null,
  suggestions: SuggestionSummary[],
  wanted: string | null,
): void => {
  const shown = useRef<string | null>(null)
  useEffect(() => {
    if (!editor || editor.isDestroyed || !wanted || shown.current === wanted) return
    const suggestion = suggestions.find((s) => s.id === wanted)
    if (!suggestion) return
    shown.current = wanted
    editor
      .chain()
      .focus()
      .setTextSelection({ from: suggestion.from, to: suggestion.to })
      .scrollIntoView()
      .run()
  }, [editor, suggestions, wanted])
}
