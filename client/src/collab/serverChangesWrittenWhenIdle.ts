import type { IndexeddbPersistence } from 'y-indexeddb'
import type { WebsocketProvider } from 'y-websocket'
import { whenIdle } from '../ui/whenIdle'

/**
 * Makes the copy on this device write what the server sent once the page is idle, and the
 * person's own changes at once, as before; returns the undo, for closing the document.
 *
 * y-indexeddb writes every update as it is applied, and IndexedDB copies the value before it
 * returns: the first sync of a long text (1 MB) cost 50–60 ms inside the task that draws it,
 * before the text could be typed in. What came from the server is kept there, so nothing is
 * lost if the page closes before the write; a change made here may exist nowhere else yet.
 * Uses y-indexeddb's update handler (`_storeUpdate`, in its typings), which writes and trims.
 */
export const serverChangesWrittenWhenIdle = (
  persistence: IndexeddbPersistence,
  provider: WebsocketProvider,
): (() => void) => {
  const { doc } = persistence
  const write = persistence._storeUpdate
  const waiting: Uint8Array[] = []
  let cancel: (() => void) | null = null
  const writeWaiting = () => {
    cancel = null
    for (const update of waiting.splice(0)) write(update, provider)
  }
  const onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== provider) return write(update, origin)
    waiting.push(update)
    cancel ??= whenIdle(writeWaiting)
  }
  doc.off('update', write)
  doc.on('update', onUpdate)
  return () => {
    doc.off('update', onUpdate)
    cancel?.()
    cancel = null
    waiting.length = 0
  }
}
