import type { DocumentLanguage } from '@accord/protocol'
import { baseDocument, readSettings } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Room } from '../collab/Room.js'
import { liveDocument } from '../services/suggestions/decideSuggestions.js'

/**
 * A document's adopted text (open suggestions left out) and language, read from the live
 * room. Translations are aligned with, and marked against, this text: a suggestion proposed
 * in the source makes no translation outdated until it is accepted.
 */
export const adoptedText = (room: Room): { content: JSONContent; language: DocumentLanguage } => ({
  content: baseDocument(liveDocument(room)).toJSON(),
  language: readSettings(room.doc).language,
})
