import type { Logger } from '../../logger.js'
import type { OpenSuggestions, StoredSuggestion } from '../../store/OpenSuggestions.js'
import type { LiveDocument } from '../LiveDocuments.js'
import { openSuggestionsOf } from './openSuggestionsOf.js'

/**
 * Saves each loaded document's open suggestions after its text changes: once its text has
 * been quiet a moment (one read of the whole text per quiet spell, not per keystroke), at the
 * latest `maxWaitMs` after the first edit not yet saved while typing goes on, and as it
 * unloads if an edit came since the last save, so what is stored matches the text whenever nobody has it
 * open. Loading alone writes nothing (a GET that loads a document changes no state). A save
 * lost to a crash leaves the summary older than the stored text, which the reader then does
 * not trust.
 */
export class OpenSuggestionsKeeper {
  constructor(
    private readonly store: OpenSuggestions,
    private readonly logger: Logger,
    private readonly quietMs = 1000,
    /**
     * While people keep typing: a read of the whole text and a write per document this often,
     * not every `quietMs` (under 50 busy documents those reads were 4 % of the server's CPU, and a write each).
     * Meanwhile a loaded document's suggestions are read from its live text anyway; only
     * another instance finds the saved ones older than the text, and reads the text.
     */
    private readonly maxWaitMs = 10_000,
  ) {}

  onRoomLoaded(room: LiveDocument): void {
    let timer: NodeJS.Timeout | undefined
    let edited = false
    /** The first edit not yet saved and the latest one (ms). */
    let firstEdit = 0
    let lastEdit = 0
    const save = (): void => {
      clearTimeout(timer)
      timer = undefined
      if (!edited) return
      edited = false
      let suggestions: StoredSuggestion[]
      try {
        suggestions = openSuggestionsOf(room.doc)
      } catch (err) {
        this.logger.error({ err, documentId: room.id }, 'could not read open suggestions')
        return
      }
      this.store
        .save(room.id, suggestions)
        .catch((err: unknown) =>
          this.logger.warn({ err, documentId: room.id }, 'could not save open suggestions'),
        )
    }
    // One timer per spell, not one per keystroke: when it fires it waits on if typing went on.
    const saveWhenDue = (): void => {
      timer = undefined
      const due = Math.min(lastEdit + this.quietMs, firstEdit + this.maxWaitMs)
      const now = Date.now()
      if (now < due) timer = setTimeout(saveWhenDue, due - now)
      else save()
    }
    const onUpdate = (): void => {
      lastEdit = Date.now()
      if (!edited) firstEdit = lastEdit
      edited = true
      timer ??= setTimeout(saveWhenDue, this.quietMs)
    }
    const stopWatching = room.watchChanges(onUpdate)
    // Still whole while 'destroy' is emitted, after the unload's last write and compaction:
    // saved after them, so the summary is newer than the stored text (see OpenSuggestions).
    room.doc.once('destroy', () => {
      stopWatching()
      save()
    })
  }
}
