import type { Logger } from '../../logger.js'
import type { OpenSuggestions, StoredSuggestion } from '../../store/OpenSuggestions.js'
import type { LiveDocument } from '../LiveDocuments.js'
import { openSuggestionsOf } from './openSuggestionsOf.js'

/**
 * Saves each loaded document's open suggestions after its text changes: a moment after an
 * edit (one read of the text per quiet spell, not per keystroke), and as it unloads if an
 * edit came since the last save, so what is stored matches the text whenever nobody has it
 * open. Loading alone writes nothing (a GET that loads a document changes no state). A save
 * lost to a crash leaves the summary older than the stored text, which the reader then does
 * not trust.
 */
export class OpenSuggestionsKeeper {
  constructor(
    private readonly store: OpenSuggestions,
    private readonly logger: Logger,
    private readonly delayMs = 1000,
  ) {}

  onRoomLoaded(room: LiveDocument): void {
    let timer: NodeJS.Timeout | undefined
    let edited = false
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
    const onUpdate = (): void => {
      edited = true
      timer ??= setTimeout(save, this.delayMs)
    }
    room.doc.on('update', onUpdate)
    // Still whole while 'destroy' is emitted, after the unload's last write and compaction:
    // saved after them, so the summary is newer than the stored text (see OpenSuggestions).
    room.doc.once('destroy', () => {
      room.doc.off('update', onUpdate)
      save()
    })
  }
}
