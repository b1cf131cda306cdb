import type { AnyExtension } from '@tiptap/core'
import { useCallback, useRef } from 'react'
import { CommentHighlights } from './CommentHighlights'
// With the text, not with the panels (which load later): the highlights' look in the text.
import './comments.css'

/**
 * Makes the editor extension that draws comment highlights, for the editor to be given (one
 * per editor). The handlers are read when called, so the page may pass new ones on every
 * render.
 */
export const useCommentHighlights = (handlers: {
  /** A highlighted comment was clicked. */
  onActivate?: (threadId: string) => void
  /** The comment shortcut was pressed. */
  onComment?: () => void
}): (() => AnyExtension) => {
  const current = useRef(handlers)
  current.current = handlers
  return useCallback(
    () =>
      CommentHighlights.configure({
        onActivate: (threadId) => current.current.onActivate?.(threadId),
        onComment: () => current.current.onComment?.(),
      }),
    [],
  )
}
