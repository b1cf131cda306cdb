import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

/** y-websocket message type `sync`, and its sub-types (y-protocols/sync). */
const MESSAGE_SYNC = 0
const SYNC_STEP_1 = 0
const SYNC_STEP_2 = 1

/** Quiet time after the last local edit before asking for a confirmation. */
const PROBE_DELAY_MS = 250

/** The part of lib0's decoder a message handler receives that the tracker reads. */
interface DecoderLike {
  arr: Uint8Array
  pos: number
}
type MessageHandler = (
  encoder: unknown,
  decoder: DecoderLike,
  provider: WebsocketProvider,
  emitSynced: boolean,
  messageType: number,
) => void

const varUint = (n: number): number[] => {
  const bytes: number[] = []
  let rest = n
  while (rest > 127) {
    bytes.push((rest & 127) | 128)
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return bytes
}

/** A sync step 1 frame: "here is my state vector; send me what I lack". */
const syncStep1Frame = (doc: Y.Doc): Uint8Array => {
  const stateVector = Y.encodeStateVector(doc)
  return new Uint8Array([MESSAGE_SYNC, SYNC_STEP_1, ...varUint(stateVector.length), ...stateVector])
}

/**
 * Tells whether this tab's own edits have reached the server. y-websocket has no
 * acknowledgements, but a server answers each sync step 1 with a sync step 2, in order,
 * after everything sent before it on the same socket. So after local edits the tracker
 * sends a sync step 1 of its own (a "probe"); its answer confirms every edit sent before it.
 *
 * On each new socket the provider sends one sync step 1 itself, before the edits it re-sends
 * in answer to the server's; that first answer confirms nothing. The probe sent once the
 * provider reports `synced` comes after the re-sent edits, so its answer covers them.
 */
export class SyncTracker {
  /** Counts local changes; a change is confirmed once a probe sent after it is answered. */
  private localVersion = 0
  private confirmedVersion = 0
  /** The sync step 1s sent on the current socket, oldest first: the version each confirms (null: none). */
  private awaiting: (number | null)[] = []
  private timer: ReturnType<typeof setTimeout> | undefined
  private readonly listeners = new Set<() => void>()
  private readonly originalHandler: MessageHandler

  constructor(private readonly provider: WebsocketProvider) {
    const handlers = provider.messageHandlers as unknown as MessageHandler[]
    this.originalHandler = handlers[MESSAGE_SYNC] as MessageHandler
    handlers[MESSAGE_SYNC] = (encoder, decoder, ...rest) => {
      // Sync step values are single bytes; peek without moving the decoder.
      if (decoder.arr[decoder.pos] === SYNC_STEP_2) this.answered()
      this.originalHandler(encoder, decoder, ...rest)
    }
    provider.doc.on('update', this.onUpdate)
    provider.on('status', this.onStatus)
    provider.on('sync', this.onSync)
  }

  /** True while some local change is not yet confirmed by the server. */
  get unsynced(): boolean {
    return this.localVersion > this.confirmedVersion
  }

  /** Calls `listener` whenever `unsynced` may have changed; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  destroy(): void {
    clearTimeout(this.timer)
    const handlers = this.provider.messageHandlers as unknown as MessageHandler[]
    handlers[MESSAGE_SYNC] = this.originalHandler
    this.provider.doc.off('update', this.onUpdate)
    this.provider.off('status', this.onStatus)
    this.provider.off('sync', this.onSync)
    this.listeners.clear()
  }

  private readonly onUpdate = (_update: Uint8Array, origin: unknown): void => {
    // What the server sent is on the server already; everything else (typing, the offline copy) may not be.
    if (origin === this.provider) return
    const wasUnsynced = this.unsynced
    this.localVersion++
    if (!wasUnsynced) this.notify()
    this.scheduleProbe()
  }

  private readonly onStatus = ({ status }: { status: string }): void => {
    // The provider sends its own sync step 1 right after announcing the connection.
    this.awaiting = status === 'connected' ? [null] : []
    if (status !== 'connected') clearTimeout(this.timer)
  }

  private readonly onSync = (synced: boolean): void => {
    if (synced && this.unsynced) this.probe()
  }

  private answered(): void {
    const confirms = this.awaiting.shift()
    if (confirms === undefined || confirms === null || confirms <= this.confirmedVersion) return
    const wasUnsynced = this.unsynced
    this.confirmedVersion = confirms
    if (wasUnsynced !== this.unsynced) this.notify()
  }

  private scheduleProbe(): void {
    clearTimeout(this.timer)
    this.timer = setTimeout(() => this.probe(), PROBE_DELAY_MS)
  }

  private probe(): void {
    clearTimeout(this.timer)
    const ws = this.provider.ws
    // Before the handshake the provider's own exchange is still running; `onSync` probes after it.
    if (!ws || !this.provider.wsconnected || !this.provider.synced || ws.readyState !== 1) return
    ws.send(syncStep1Frame(this.provider.doc))
    this.awaiting.push(this.localVersion)
  }

  private notify(): void {
    for (const listener of this.listeners) listener()
  }
}
