import { useSyncExternalStore } from 'react'

/**
 * The signed-in person's unread count, live from `/api/notifications/events`. One stream per
 * tab, shared by everything that shows the count; opened with the first subscriber, closed
 * with the last.
 */
let source: EventSource | null = null
let unread: number | null = null
const listeners = new Set<() => void>()

const subscribe = (listener: () => void) => {
  listeners.add(listener)
  if (!source) {
    source = new EventSource('/api/notifications/events')
    source.addEventListener('unread', (message: MessageEvent<string>) => {
      unread = (JSON.parse(message.data) as { unread: number }).unread
      for (const l of listeners) l()
    })
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0) {
      source?.close()
      source = null
      unread = null
    }
  }
}

/** The unread count; null until the stream has said. */
export const useUnreadCount = (): number | null =>
  useSyncExternalStore(
    subscribe,
    () => unread,
    () => null,
  )
