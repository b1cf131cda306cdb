import type { AnyExtension } from '@tiptap/core'
import { useCallback, useRef } from 'react'
import { SuggestMode, type SuggestPolicy } from './SuggestMode'

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
