import type { AnyExtension } from '@tiptap/core'
import { useCallback, useRef } from 'react'
import { SuggestMode, type SuggestPolicy } from './SuggestMode'
// With the text, not with the panels (which load later): suggested words' look in the text.
import './suggestions.css'

/**
 * Makes the suggest-mode extension, for the editor to be given (one per editor). The policy
 * (who suggests, whether they must) is read on every change, since role and status may
 * change while the editor is open.
 */
export const useSuggestModeExtension = (policy: SuggestPolicy): (() => AnyExtension) => {
  const current = useRef(policy)
  current.current = policy
  return useCallback(() => SuggestMode.configure({ policy: () => current.current }), [])
}
