import { type SuggestionSummary, listSuggestions as suggestionsIn } from '@accord/schema'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { bodyOf } from './applyDecisions.js'

/** The open suggestions in a document's live text, in text order (every role). */
export const listSuggestions = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
): Promise<SuggestionSummary[]> => {
  const doc = await documentOf(ctx, documentId)
  return ctx.live.read(doc.id, ({ doc: ydoc }) => suggestionsIn(bodyOf(ydoc)))
}
