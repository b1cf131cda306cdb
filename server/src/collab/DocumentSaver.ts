import * as Y from 'yjs'
import type { Logger } from '../logger.js'
import type { DocumentStore } from '../store/DocumentStore.js'
import { flushGridOf } from './FlushGrid.js'

export interface SaverOptions {
  /** Updates are written at every multiple of this many ms since the epoch, the same instants for every room. */
  flushDelayMs: number
  /** Compact the log into one state once it holds this many rows. */
  compactAfterUpdates: number
  /**
   * Told `true` when a save fails (again after every failed retry, so that people who open
   * the document later hear it too) and `false` once a save succeeds again. Default: nobody.
   */
  onSaveStateChange?: (failing: boolean) => void
}

/** Longest wait between retries of a failed save. */
const MAX_RETRY_MS = 10_000
/** First wait after a failed save; doubled after each further failure. */
const FIRST_RETRY_MS = 100

/**
 * Persists one document: gathers updates until the next `flushDelayMs` tick, merges them and appends them
 * in one write, compacts the log now and then. Saves never overlap. A failed save keeps the
 * batch in memory, first in line, and retries with backoff; nothing is dropped.
 */
export class DocumentSaver {
  private pending: Uint8Array[] = []
  private timer: NodeJS.Timeout | undefined
  private chain: Promise<void> = Promise.resolve()
  private retryMs = 0
  private stopped = false
  /** True while the newest save failed; cleared by the next success. */
  failing = false

  constructor(
    private readonly documentId: string,
    private readonly store: DocumentStore,
    private readonly options: SaverOptions,
    private readonly logger: Logger,
    /** Log rows stored when the document was loaded. */
    private logLength: number,
    /** Whether a compacted state row was stored before the log. */
    private hasState: boolean,
  ) {}

  /** Queues an update for the next write. */
  add(update: Uint8Array): void {
    this.pending.push(update)
    // While a retry waits, it writes this too.
    if (this.timer || this.stopped) return
    // On a grid shared by every room (one timer), so the store writes all rooms' batches in one transaction.
    const every = this.options.flushDelayMs
    if (every > 0) flushGridOf(every).join(this.onTick)
    else this.schedule(0)
  }

  get hasPending(): boolean {
    return this.pending.length > 0
  }

  /** Writes everything pending; resolves when this write is done (or has failed). */
  flush(): Promise<void> {
    this.chain = this.chain.then(() => this.save())
    return this.chain
  }

  /** Final save before unloading: flush, then compact the log into one row. Throws if anything is left unsaved. */
  async persistForUnload(): Promise<void> {
    // Updates may arrive while a write is in flight; write until nothing is left or a write fails.
    do {
      await this.flush()
      if (this.failing) throw new Error('document could not be saved')
    } while (this.pending.length > 0)
    // Only when the document is stored in more than one row: a single row (a document
    // opened and left unedited) would only be moved, one transaction for nothing per document.
    const rows = this.logLength + (this.hasState ? 1 : 0)
    if (rows > 1) {
      this.chain = this.chain.then(() => this.compact())
      await this.chain
    }
  }

  /** No more timers from here on; what is pending stays unsaved. */
  stop(): void {
    this.stopped = true
    clearTimeout(this.timer)
    this.timer = undefined
    if (this.options.flushDelayMs > 0) flushGridOf(this.options.flushDelayMs).leave(this.onTick)
  }

  private readonly onTick = (): void => {
    if (!this.stopped) void this.flush()
  }

  private schedule(delayMs: number): void {
    if (this.timer || this.stopped) return
    this.timer = setTimeout(() => {
      this.timer = undefined
      void this.flush()
    }, delayMs)
  }

  private async save(): Promise<void> {
    if (this.pending.length === 0) return
    const batch = this.pending
    this.pending = []
    const merged = batch.length === 1 ? (batch[0] as Uint8Array) : Y.mergeUpdates(batch)
    try {
      await this.store.append(this.documentId, merged)
    } catch (err) {
      // Keep the batch first in line, so order is preserved, and try again later.
      this.pending = [merged, ...this.pending]
      this.failing = true
      this.retryMs = Math.min(MAX_RETRY_MS, this.retryMs ? this.retryMs * 2 : FIRST_RETRY_MS)
      this.logger.error({ err, retryMs: this.retryMs }, 'saving document failed; will retry')
      this.options.onSaveStateChange?.(true)
      this.schedule(this.retryMs)
      return
    }
    this.logLength++
    this.retryMs = 0
    if (this.failing) {
      this.failing = false
      this.logger.info('saving document works again')
      this.options.onSaveStateChange?.(false)
    }
    if (this.logLength >= this.options.compactAfterUpdates) {
      // The update is in the log already; a failed compaction only means a longer log until the next try.
      await this.compact().catch((err: unknown) =>
        this.logger.warn({ err }, 'compacting document failed; the log stays longer'),
      )
    }
  }

  /** Folds the stored log into one state row. */
  private async compact(): Promise<void> {
    await this.store.compact(this.documentId)
    this.logLength = 0
    this.hasState = true
  }
}
