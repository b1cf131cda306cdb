import type { DocumentEvent } from '@accord/protocol'
import { useEffect, useRef } from 'react'

/**
 * Listens to the document's event stream (threads, status, save health). EventSource
 * reconnects by itself; `onReconnect` lets callers re-read what they may have missed.
 */
export const useDocumentEvents = (
  documentId: string,
  onEvent: (event: DocumentEvent) => void,
  onReconnect?: () => void,
): void => {
  // The latest handlers, without reopening the stream when they change.
  const handlers = useRef({ onEvent, onReconnect })
  handlers.current = { onEvent, onReconnect }

  useEffect(() => {
    const source = new EventSource(`/api/documents/${encodeURIComponent(documentId)}/events`)
    let opened = false
    const deliver = (message: MessageEvent<string>) => {
      handlers.current.onEvent(JSON.parse(message.data) as DocumentEvent)
    }
    const types: DocumentEvent['type'][] = [
      'thread',
      'threadDeleted',
      'document',
      'saveState',
      'languages',
      'clauseMarked',
      'version',
      'suggestionDecided',
      'publicComment',
      'publicCommentsErased',
    ]
    for (const type of types) source.addEventListener(type, deliver)
    source.onopen = () => {
      if (opened) handlers.current.onReconnect?.()
      opened = true
    }
    return () => source.close()
  }, [documentId])
}
