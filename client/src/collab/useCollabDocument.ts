import type { PresenceUser } from '@accord/protocol'
import { useEffect, useState } from 'react'
import type { WebsocketProvider } from 'y-websocket'
import type * as Y from 'yjs'
import { ApiError, api } from '../app/api'
import type { ConnectionState } from './ConnectionState'
import { closeCollab, takeCollab } from './earlyCollab'
import type { SaveState } from './saveState'
import { type StopReason, stopReasonForClose, stopReasonForStatus } from './stopReason'
import { useConnectionState } from './useConnectionState'
import { usePresence } from './usePresence'
import { useSaveState } from './useSaveState'

/** Check why the WebSocket keeps failing on the first failure and every this many after it. */
const ACCESS_CHECK_EVERY = 5

/** Code the browser reports when a connection failed without a close frame (e.g. a refused upgrade). */
const ABNORMAL_CLOSURE = 1006

export interface CollabSession {
  ydoc: Y.Doc
  provider: WebsocketProvider
}

export interface CollabStop {
  reason: StopReason
  /** The server's own words, for the rare reasons without a translation of their own. */
  detail: string
}

export interface CollabDocument {
  /** Null until the document is set up (one render after mounting). */
  session: CollabSession | null
  connection: ConnectionState
  /** Everyone in the document, this person included, once per account. */
  presence: PresenceUser[]
  /** Set when the server ended the collaboration for good; no reconnection follows. */
  stop: CollabStop | null
  /** Whether this tab's changes are saved (show it with SaveIndicator); leaving warns while they are not. */
  save: SaveState
}

/**
 * One shared document: a Y.Doc kept on this device (IndexedDB `accord-doc-<id>`) and
 * synced with the server over y-websocket. Edits made offline stay in IndexedDB, survive a
 * reload, and merge when the connection returns.
 */
export const useCollabDocument = (documentId: string, user: PresenceUser): CollabDocument => {
  const [session, setSession] = useState<CollabSession | null>(null)
  const [stop, setStop] = useState<CollabStop | null>(null)

  useEffect(() => {
    // Started by the page while it fetched the document's details (startCollab), or now.
    const opened = takeCollab(documentId)
    const { ydoc, provider } = opened
    let stopped = false

    const halt = (next: CollabStop) => {
      if (stopped) return
      stopped = true
      provider.disconnect()
      setStop(next)
    }

    const checkAccess = () =>
      api.document(documentId).catch((error: unknown) => {
        const reason = error instanceof ApiError ? stopReasonForStatus(error.status) : null
        if (reason && error instanceof ApiError) halt({ reason, detail: error.message })
      })

    const onClose = (event: CloseEvent | null) => {
      // A null event is our own disconnect.
      if (!event) return
      const reason = stopReasonForClose(event.code)
      if (reason) return halt({ reason, detail: event.reason })
      // A refused upgrade (HTTP 401/403/404) reaches the browser as a bare 1006, so ask the API
      // whether the session or the document is the problem; a network failure answers nothing.
      if (
        event.code === ABNORMAL_CLOSURE &&
        navigator.onLine &&
        provider.wsUnsuccessfulReconnects % ACCESS_CHECK_EVERY === 0
      ) {
        void checkAccess()
      }
    }
    // Going offline ends the socket at once instead of waiting for it to time out; the
    // changes made meanwhile wait in the Y.Doc and IndexedDB.
    const goOffline = () => provider.disconnect()
    const goOnline = () => {
      if (!stopped) provider.connect()
    }

    provider.on('connection-close', onClose)
    window.addEventListener('offline', goOffline)
    window.addEventListener('online', goOnline)
    setSession({ ydoc, provider })
    setStop(null)
    if (opened.missedClose) onClose(opened.missedClose)

    return () => {
      stopped = true
      window.removeEventListener('offline', goOffline)
      window.removeEventListener('online', goOnline)
      provider.off('connection-close', onClose)
      closeCollab(opened)
      setSession(null)
    }
  }, [documentId])

  // Others see what the server stamps on this connection; this copy is for this tab's own list.
  const { id, name, color, role } = user
  useEffect(() => {
    session?.provider.awareness.setLocalStateField('user', { id, name, color, role })
  }, [session, id, name, color, role])

  const connection = useConnectionState(session?.provider ?? null)
  const presence = usePresence(session?.provider.awareness ?? null)
  const save = useSaveState(documentId, session?.provider ?? null, connection)
  return { session, connection, presence, stop, save }
}
