import type { DocumentLanguage } from '@accord/protocol'
import { baseDocument, readSettings } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { LiveDocument } from '../LiveDocuments.js'
import { bodyOf } from '../suggestions/applyDecisions.js'

/**
 * A document's adopted text (open suggestions left out) and language, read from the live
 * room. Translations are aligned with, and marked against, this text: a suggestion proposed
 * in the source makes no translation outdated until it is accepted.
 */
export const adoptedText = ({
  doc,
}: LiveDocument): { content: JSONContent; language: DocumentLanguage } => ({
  content: baseDocument(bodyOf(doc)).toJSON(),
  language: readSettings(doc).language,
})
