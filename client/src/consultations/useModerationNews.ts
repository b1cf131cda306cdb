import type { PublicComment } from '@accord/protocol'
import { useCallback, useRef } from 'react'
import { useDocumentEvents } from '../collab/useDocumentEvents'

/** What an open moderation list does with what the document's event stream says. */
export interface ModerationListener {
  /** A comment entered moderation or was moderated (by anyone, this person included). */
  comment(consultationId: string, comment: PublicComment): void
  /** A person's data was erased: these comments, as they now are, are shown so where shown. */
  erased(consultationId: string, comments: PublicComment[]): void
  /** The stream was down for a while: whatever was said meanwhile was missed; read again. */
  reconnected(): void
}

/**
 * Listens once per page to the document's event stream for public comments in moderation
 * and erasures of a commenter's data (the server sends them only to those who may moderate).
 * `onNews` runs on each (the consultations' counts changed) and on a reconnection; the
 * returned `follow` lets the open moderation list hear each, without a second stream.
 */
export const useModerationNews = (
  documentId: string,
  onNews: () => void,
): ((listener: ModerationListener) => () => void) => {
  const listeners = useRef(new Set<ModerationListener>())
  useDocumentEvents(
    documentId,
    (event) => {
      if (event.type === 'publicComment') {
        onNews()
        for (const listener of listeners.current)
          listener.comment(event.consultationId, event.comment)
      } else if (event.type === 'publicCommentsErased') {
        onNews()
        for (const listener of listeners.current)
          listener.erased(event.consultationId, event.comments)
      }
    },
    () => {
      onNews()
      for (const listener of listeners.current) listener.reconnected()
    },
  )
  return useCallback((listener) => {
    listeners.current.add(listener)
    return () => {
      listeners.current.delete(listener)
    }
  }, [])
}
