import { IndexeddbPersistence } from 'y-indexeddb'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { collabServerUrl } from './collabServerUrl'
import { stopReasonForClose } from './stopReason'

/** One document's shared copy: kept on this device and synced with the server. */
export interface OpenedCollab {
  ydoc: Y.Doc
  persistence: IndexeddbPersistence
  provider: WebsocketProvider
  /** The server's close of the socket before anyone took the copy, if there was one. */
  missedClose: CloseEvent | null
}

/** The text's Y.Doc (IndexedDB `accord-doc-<id>`) and its WebSocket, connecting at once when online. */
const openCollab = (documentId: string): OpenedCollab => {
  const ydoc = new Y.Doc()
  const persistence = new IndexeddbPersistence(`accord-doc-${documentId}`, ydoc)
  const provider = new WebsocketProvider(collabServerUrl(), documentId, ydoc, {
    connect: navigator.onLine,
    shouldReconnect: (event) => stopReasonForClose(event.code) === null,
  })
  return { ydoc, persistence, provider, missedClose: null }
}

const close = ({ ydoc, persistence, provider }: OpenedCollab) => {
  provider.destroy()
  void persistence.destroy()
  ydoc.destroy()
}

/** Copies started before their page was ready for them, by document id; at most one each. */
const started = new Map<string, { opened: OpenedCollab; stopListening: () => void }>()

/**
 * Starts the document's WebSocket now, while the page still fetches the document's details,
 * so that the text is on its way by the time the editor is there (`takeCollab` hands the
 * copy over). Undo with `dropCollab` if the page will not open the document after all.
 */
export const startCollab = (documentId: string): void => {
  if (started.has(documentId)) return
  const opened = openCollab(documentId)
  // Kept for the taker: a socket closed for good before then must still be reported.
  const onClose = (event: CloseEvent | null) => {
    if (event) opened.missedClose = event
  }
  opened.provider.on('connection-close', onClose)
  started.set(documentId, {
    opened,
    stopListening: () => opened.provider.off('connection-close', onClose),
  })
}

/** The copy `startCollab` began for this document, else a new one; the caller closes it (`closeCollab`). */
export const takeCollab = (documentId: string): OpenedCollab => {
  const early = started.get(documentId)
  if (!early) return openCollab(documentId)
  started.delete(documentId)
  early.stopListening()
  return early.opened
}

/** Closes a copy started early and never taken (the document could not be opened). */
export const dropCollab = (documentId: string): void => {
  const early = started.get(documentId)
  if (!early) return
  started.delete(documentId)
  early.stopListening()
  close(early.opened)
}

export { close as closeCollab }
