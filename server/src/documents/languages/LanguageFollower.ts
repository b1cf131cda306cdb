import { observeSettings, readSettings } from '@accord/schema'
import type { Logger } from '../../logger.js'
import type { DocumentCatalog } from '../../store/DocumentCatalog.js'
import type { LiveDocument } from '../LiveDocuments.js'

/**
 * Keeps a source document's `language` in the catalog (what lists and the API show) equal
 * to the language setting its editors change in the text's settings, from the moment its
 * room loads. A translation's language is fixed when it is added (the catalog ignores it).
 */
export class LanguageFollower {
  constructor(private readonly deps: { catalog: DocumentCatalog; logger: Logger }) {}

  onRoomLoaded(room: LiveDocument): void {
    const follow = () => {
      this.deps.catalog
        .setLanguage(room.id, readSettings(room.doc).language)
        .catch((err: unknown) =>
          this.deps.logger.warn({ err, documentId: room.id }, 'could not note the language'),
        )
    }
    follow()
    const stop = observeSettings(room.doc, follow)
    room.doc.once('destroy', stop)
  }
}
