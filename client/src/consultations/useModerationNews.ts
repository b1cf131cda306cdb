import type { PublicComment } from '@accord/protocol'
import { useCallback, useRef } from 'react'
import { useDocumentEvents } from '../collab/useDocumentEvents'

/** What an open moderation list does with what the document's event stream says. */
export interface ModerationListener {
  /** A comment entered moderation or was moderated (by anyone, this person included). */
  comment(consultationId: string, comment: PublicComment): void
  /** The stream was down for a while: whatever was said meanwhile was missed; read again. */
  reconnected(): void
}

/**
 * Listens once per page to the document's event stream for public comments in moderation
 * (the server sends them only to those who may moderate). `onNews` runs on each (the
 * consultations' counts changed) and on a reconnection; the returned `follow` lets the open
 * moderation list hear each comment, without a second stream.
 */
export const useModerationNews = (
  documentId: string,
  onNews: () => void,
): ((listener: ModerationListener) => () => void) => {
  const listeners = useRef(new Set<ModerationListener>())
  useDocumentEvents(
    documentId,
    (event) => {
      if (event.type !== 'publicComment') return
      onNews()
      for (const listener of listeners.current)
        listener.comment(event.consultationId, event.comment)
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
