import type { DocumentEvent } from '@accord/protocol'
import { useCallback, useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type { ConnectionState } from './ConnectionState'
import { SyncTracker } from './SyncTracker'
import { type SaveState, saveStateOf } from './saveState'
import { useDocumentEvents } from './useDocumentEvents'

/**
 * Whether this tab's changes are saved: local changes the server has not confirmed yet
 * (SyncTracker), and the server's own word when it cannot write to disk (the `saveState`
 * event). While anything is unconfirmed, leaving the page asks first.
 */
export const useSaveState = (
  documentId: string,
  provider: WebsocketProvider | null,
  connection: ConnectionState,
): SaveState => {
  const [unsynced, setUnsynced] = useState(false)
  const [serverFailing, setServerFailing] = useState(false)

  useEffect(() => {
    if (!provider) return
    const tracker = new SyncTracker(provider)
    const update = () => setUnsynced(tracker.unsynced)
    update()
    const unsubscribe = tracker.subscribe(update)
    return () => {
      unsubscribe()
      tracker.destroy()
    }
  }, [provider])

  const onEvent = useCallback((event: DocumentEvent) => {
    if (event.type === 'saveState') setServerFailing(event.failing)
  }, [])
  useDocumentEvents(documentId, onEvent)

  useEffect(() => {
    if (!unsynced) return
    // Browsers show their own wording; asking is all a page may do.
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [unsynced])

  return saveStateOf({ unsynced, connected: connection === 'connected', serverFailing })
}
