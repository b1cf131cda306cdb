import { docToJSON } from '@accord/schema'
import * as Y from 'yjs'
import type { Logger } from '../../logger.js'
import type { VersionStore } from '../../store/VersionStore.js'
import type { LiveDocument } from '../LiveDocuments.js'
import { hidesInsertedText } from './hidesInsertedText.js'

export interface InFlightEditsOptions {
  /** How long after a restore an edit made before it is still caught (ms). Default 30 s. */
  windowMs?: number
  /** How soon caught edits are written into the version (ms). Default 100. */
  amendDelayMs?: number
}

/** One restore's window: a copy of the text as it was just before, following the edits. */
class RestoreWindow {
  private readonly copy = new Y.Doc()
  private readonly unwatch: () => void
  private readonly closeTimer: NodeJS.Timeout
  private amendTimer: NodeJS.Timeout | undefined
  private behind: boolean
  /** Writes of one version never overlap, and the last one holds the latest copy. */
  private writing: Promise<void> = Promise.resolve()
  private closed: Promise<void> | undefined

  constructor(
    room: LiveDocument,
    private readonly version: { documentId: string; id: string },
    before: Uint8Array,
    behind: boolean,
    private readonly deps: { versions: VersionStore; logger: Logger; onClosed: () => void },
    private readonly options: Required<InFlightEditsOptions>,
  ) {
    Y.applyUpdate(this.copy, before)
    this.behind = behind
    this.unwatch = room.watchApplied((update) => this.take(room.doc, update))
    this.closeTimer = setTimeout(() => void this.close(), options.windowMs)
    this.closeTimer.unref()
    if (behind) this.scheduleAmend()
  }

  private take(live: Y.Doc, update: Uint8Array): void {
    try {
      Y.applyUpdate(this.copy, update)
    } catch (err) {
      this.deps.logger.warn(
        { err: (err as Error).message, documentId: this.version.documentId },
        'an edit did not apply to the text before a restore',
      )
    }
    // Whatever builds on the restore cannot apply to the text before it: dropped here, so it
    // neither piles up nor is retried on every update.
    this.copy.store.pendingStructs = null
    this.copy.store.pendingDs = null
    if (hidesInsertedText(live, update)) {
      this.behind = true
      this.scheduleAmend()
    }
  }

  private scheduleAmend(): void {
    if (this.amendTimer || this.closed) return
    this.amendTimer = setTimeout(() => {
      this.amendTimer = undefined
      void this.amend()
    }, this.options.amendDelayMs)
    this.amendTimer.unref()
  }

  private amend(): Promise<void> {
    if (!this.behind) return this.writing
    this.behind = false
    const state = Y.encodeStateAsUpdate(this.copy)
    const content = docToJSON(this.copy)
    this.writing = this.writing
      .then(() =>
        this.deps.versions.amend(this.version.documentId, this.version.id, state, content),
      )
      .catch((err: unknown) => {
        // Tried again with the next caught edit, and when the window closes.
        this.behind = true
        this.deps.logger.error(
          { err, documentId: this.version.documentId, versionId: this.version.id },
          'could not add in-flight edits to the version before a restore',
        )
      })
    return this.writing
  }

  close(): Promise<void> {
    this.closed ??= (async () => {
      this.unwatch()
      clearTimeout(this.closeTimer)
      clearTimeout(this.amendTimer)
      await this.amend()
      this.copy.destroy()
      this.deps.onClosed()
    })()
    return this.closed
  }
}

/**
 * Keeps each restore's "before" version whole. An edit made on the text before a restore can
 * arrive after it: it was in flight, or its client was reconnecting. Typed into a paragraph
 * the restore removed, it would be in neither the live text (Yjs deletes it as it arrives)
 * nor the version. So for `windowMs` after each restore every edit applied to the room is
 * also applied to a copy of the text as it was just before the restore (edits that build on
 * the restore cannot apply there and are dropped from the copy), and whenever an edit
 * inserted text the live document does not show, the copy is written into the version.
 */
export class InFlightEdits {
  private readonly open = new Set<RestoreWindow>()
  private readonly options: Required<InFlightEditsOptions>

  constructor(
    private readonly versions: VersionStore,
    private readonly logger: Logger,
    options: InFlightEditsOptions = {},
  ) {
    this.options = { windowMs: 30_000, amendDelayMs: 100, ...options }
  }

  /**
   * Starts catching for the version `versionId`, which must end up holding at least
   * `before`: the room's state just before the restore, taken in the same synchronous step.
   * `behind` says the version was written from an earlier state and lacks part of `before`.
   */
  follow(
    room: LiveDocument,
    version: { documentId: string; id: string },
    before: Uint8Array,
    behind: boolean,
  ): void {
    const window: RestoreWindow = new RestoreWindow(
      room,
      version,
      before,
      behind,
      { versions: this.versions, logger: this.logger, onClosed: () => this.open.delete(window) },
      this.options,
    )
    this.open.add(window)
  }

  /** Writes what every open window caught and stops them (before the database closes). */
  async close(): Promise<void> {
    await Promise.all([...this.open].map((window) => window.close()))
  }
}
