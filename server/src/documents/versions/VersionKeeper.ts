import type { VersionInfo } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import * as Y from 'yjs'
import type { Logger } from '../../logger.js'
import type { VersionStore } from '../../store/VersionStore.js'
import type { LiveDocument, LiveDocuments } from '../LiveDocuments.js'
import { changeSize } from './changeSize.js'
import { thinAutoVersions } from './thinAutoVersions.js'

type Editor = { id: string; name: string }

const uniqueById = (editors: Editor[]): Editor[] => [
  ...new Map(editors.map((editor) => [editor.id, editor])).values(),
]

/** Name stored for automatic versions; clients show their own words for `kind: 'auto'`. */
export const AUTO_VERSION_NAME = 'Automatic'

const HOUR = 60 * 60 * 1000

/**
 * Keeps automatic versions: at most one every `intervalMs` of editing, and one when the
 * last editor leaves, so nothing older than the interval is ever unrecoverable. Thins
 * old ones (hourly after a day, daily after a week); named versions are never touched.
 */
export class VersionKeeper {
  /**
   * Per loaded room: when it was last snapshotted, its Yjs snapshot then (inserts and
   * deletes), and the editors of a version that could not be stored (named by the next one).
   */
  private readonly last = new WeakMap<
    LiveDocument,
    { at: number; snapshot: Y.Snapshot; carried: Editor[] }
  >()
  private timer: NodeJS.Timeout | undefined
  private thinTimer: NodeJS.Timeout | undefined
  private stopped = false

  constructor(
    private readonly live: Pick<LiveDocuments, 'inMemory'>,
    private readonly versions: VersionStore,
    private readonly logger: Logger,
    private readonly intervalMs: number,
    /** Hears of each automatic version kept (the document's event stream). */
    private readonly onKept: (version: VersionInfo) => void = () => undefined,
  ) {}

  start(): void {
    this.timer = setInterval(() => void this.tick(), Math.min(this.intervalMs, 60_000))
    this.thinTimer = setInterval(() => void this.thin(), HOUR)
    void this.thin()
  }

  /** Before shutdown: no snapshot may start once the database is closing. */
  stop(): void {
    this.stopped = true
    clearInterval(this.timer)
    clearInterval(this.thinTimer)
  }

  /** Takes the baseline a loaded room's changes are measured against. */
  onRoomLoaded(room: LiveDocument): void {
    this.lastOf(room)
  }

  /** The last editor left: keep what they did. */
  onRoomEmpty(room: LiveDocument): void {
    void this.snapshotIfChanged(room)
  }

  private async tick(): Promise<void> {
    const now = Date.now()
    for (const room of this.live.inMemory()) {
      const last = this.lastOf(room)
      if (now - last.at >= this.intervalMs) await this.snapshotIfChanged(room)
    }
  }

  private lastOf(room: LiveDocument) {
    let last = this.last.get(room)
    if (!last) {
      // A freshly loaded room starts its interval now, with nothing yet to keep.
      last = { at: Date.now(), snapshot: Y.snapshot(room.doc), carried: [] }
      this.last.set(room, last)
    }
    return last
  }

  private async snapshotIfChanged(room: LiveDocument): Promise<void> {
    if (this.stopped) return
    const last = this.lastOf(room)
    const now = Y.snapshot(room.doc)
    if (Y.equalSnapshots(now, last.snapshot)) return
    const editors = uniqueById([...last.carried, ...room.takeEditors()])
    try {
      const version = await this.versions.create({
        documentId: room.id,
        name: AUTO_VERSION_NAME,
        note: null,
        kind: 'auto',
        state: Y.encodeStateAsUpdate(room.doc),
        content: docToJSON(room.doc),
        userId: null,
        change: { size: changeSize(last.snapshot, now), editors },
      })
      this.last.set(room, { at: Date.now(), snapshot: now, carried: [] })
      this.onKept(version)
    } catch (err) {
      last.carried = editors
      this.logger.error({ err, documentId: room.id }, 'could not keep an automatic version')
    }
  }

  async thin(now = Date.now()): Promise<void> {
    try {
      for (const documentId of await this.versions.documentsWithAutoVersions()) {
        await this.versions.delete(
          thinAutoVersions(await this.versions.autoVersions(documentId), now),
        )
      }
    } catch (err) {
      this.logger.error({ err }, 'could not thin automatic versions')
    }
  }
}
