import type { CommentThread, DocumentEvent } from '@accord/protocol'
import { useCallback, useEffect, useState } from 'react'
import { api } from '../app/api'

export interface CommentThreads {
  /** Null until the first load answered. */
  threads: CommentThread[] | null
  /** Puts a thread as the server returned it into the list (after an action of ours). */
  upsert: (thread: CommentThread) => void
  remove: (threadId: string) => void
  /** Feeds an event from the document's event stream. */
  onEvent: (event: DocumentEvent) => void
  reload: () => void
}

/** The document's comment threads, kept current by our own actions and the event stream. */
export const useCommentThreads = (documentId: string): CommentThreads => {
  const [threads, setThreads] = useState<CommentThread[] | null>(null)

  const reload = useCallback(() => {
    api.threads(documentId).then(
      (answer) => setThreads(answer.threads),
      // A failed reload keeps what we have; the next event or reconnect tries again.
      () => undefined,
    )
  }, [documentId])

  useEffect(reload, [reload])

  const upsert = useCallback((thread: CommentThread) => {
    setThreads((list) => {
      const current = list ?? []
      return current.some((t) => t.id === thread.id)
        ? current.map((t) => (t.id === thread.id ? thread : t))
        : [...current, thread]
    })
  }, [])

  const remove = useCallback((threadId: string) => {
    setThreads((list) => (list ?? []).filter((t) => t.id !== threadId))
  }, [])

  const onEvent = useCallback(
    (event: DocumentEvent) => {
      if (event.type === 'thread' && event.thread.documentId === documentId) upsert(event.thread)
      if (event.type === 'threadDeleted') remove(event.threadId)
    },
    [documentId, upsert, remove],
  )

  return { threads, upsert, remove, onEvent, reload }
}
