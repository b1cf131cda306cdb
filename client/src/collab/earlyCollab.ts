import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { collabServerUrl } from './collabServerUrl'
import { serverChangesWrittenWhenIdle } from './serverChangesWrittenWhenIdle'
import { stopReasonForClose } from './stopReason'

/** One document's shared copy: kept on this device and synced with the server. */
export interface OpenedCollab {
  ydoc: Y.Doc
  persistence: IndexeddbPersistence
  provider: WebsocketProvider
  /** The server's close of the socket before anyone took the copy, if there was one. */
  missedClose: CloseEvent | null
  /** Stops the writes of what the server sent that still wait for an idle moment. */
  stopIdleWrites: () => void
}

/** A document's Y.Doc with its WebSocket, before the copy on this device is attached. */
interface Socket {
  ydoc: Y.Doc
  provider: WebsocketProvider
}

/** The text's Y.Doc and its WebSocket, connecting at once when online. */
const openSocket = (documentId: string): Socket => {
  const ydoc = new Y.Doc()
  const provider = new WebsocketProvider(collabServerUrl(), documentId, ydoc, {
    connect: navigator.onLine,
    shouldReconnect: (event) => stopReasonForClose(event.code) === null,
  })
  return { ydoc, provider }
}

/**
 * The copy kept on this device (IndexedDB `accord-doc-<id>`), attached only once the page
 * knows it will show the document: an id that turns out missing or forbidden leaves no
 * database behind. y-indexeddb stores what the socket brought meanwhile before applying
 * what the device kept, so nothing is lost by attaching it late. What the server sends
 * later is written when the page is idle (serverChangesWrittenWhenIdle).
 */
const keepOnDevice = (
  documentId: string,
  socket: Socket,
  missedClose: CloseEvent | null,
): OpenedCollab => {
  const persistence = new IndexeddbPersistence(`accord-doc-${documentId}`, socket.ydoc)
  const stopIdleWrites = serverChangesWrittenWhenIdle(persistence, socket.provider)
  return { ...socket, persistence, missedClose, stopIdleWrites }
}

const close = ({ ydoc, persistence, provider, stopIdleWrites }: OpenedCollab) => {
  stopIdleWrites()
  provider.destroy()
  void persistence.destroy()
  ydoc.destroy()
}

/** A socket started before its page was ready for it. */
interface EarlySocket {
  socket: Socket
  /** The server's last close of it, unless the socket recovered since. */
  missedClose: CloseEvent | null
  stopListening: () => void
}

/** Sockets started early, by document id; at most one each. */
const started = new Map<string, EarlySocket>()

/**
 * Starts the document's WebSocket now, while the page still fetches the document's details,
 * so that the text is on its way by the time the editor is there (`takeCollab` hands the
 * copy over). Undo with `dropCollab` if the page will not open the document after all.
 */
export const startCollab = (documentId: string): void => {
  if (started.has(documentId)) return
  const socket = openSocket(documentId)
  const { provider } = socket
  // Kept for the taker: a socket closed for good before then must still be reported; a
  // close the socket recovered from is not.
  const onClose = (event: CloseEvent | null) => {
    if (event) early.missedClose = event
  }
  const onStatus = ({ status }: { status: string }) => {
    if (status === 'connected') early.missedClose = null
  }
  // The network came back before the page took the socket (it started offline); a socket
  // the server closed for good stays closed.
  const onOnline = () => {
    const missed = early.missedClose
    if (!missed || stopReasonForClose(missed.code) === null) provider.connect()
  }
  const early: EarlySocket = {
    socket,
    missedClose: null,
    stopListening: () => {
      provider.off('connection-close', onClose)
      provider.off('status', onStatus)
      window.removeEventListener('online', onOnline)
    },
  }
  provider.on('connection-close', onClose)
  provider.on('status', onStatus)
  window.addEventListener('online', onOnline)
  started.set(documentId, early)
}

/** The copy `startCollab` began for this document, else a new one; the caller closes it (`closeCollab`). */
export const takeCollab = (documentId: string): OpenedCollab => {
  const early = started.get(documentId)
  if (!early) return keepOnDevice(documentId, openSocket(documentId), null)
  started.delete(documentId)
  early.stopListening()
  return keepOnDevice(documentId, early.socket, early.missedClose)
}

/** Closes a socket started early and never taken (the document could not be opened). */
export const dropCollab = (documentId: string): void => {
  const early = started.get(documentId)
  if (!early) return
  started.delete(documentId)
  early.stopListening()
  early.socket.provider.destroy()
  early.socket.ydoc.destroy()
}

export { close as closeCollab }
