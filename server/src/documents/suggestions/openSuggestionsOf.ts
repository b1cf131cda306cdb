import { listSuggestions } from '@accord/schema'
import type * as Y from 'yjs'
import type { StoredSuggestion } from '../../store/OpenSuggestions.js'
import { bodyOf } from './applyDecisions.js'

/** Longest text kept of each side of a suggestion: the page shows a preview, not the change. */
const PREVIEW_CHARS = 160

/** The open suggestions of a live text, as the "my work" page lists them. */
export const openSuggestionsOf = (doc: Y.Doc): StoredSuggestion[] =>
  listSuggestions(bodyOf(doc)).map((s) => ({
    id: s.id,
    kind: s.kind,
    authorId: s.authorId,
    authorName: s.authorName,
    at: s.at,
    deleted: s.deleted.slice(0, PREVIEW_CHARS),
    inserted: s.inserted.slice(0, PREVIEW_CHARS),
    clauseNumber: s.clauseNumber,
  }))
