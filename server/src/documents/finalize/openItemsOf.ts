import type { CommentThread, OpenComment, OpenItems, OpenSuggestion } from '@accord/protocol'
import { listSuggestions, type SuggestionSummary } from '@accord/schema'
import type { DocumentsContext } from '../DocumentsContext.js'
import { bodyOf } from '../suggestions/applyDecisions.js'

export const openSuggestion = (s: SuggestionSummary): OpenSuggestion => ({
  id: s.id,
  kind: s.kind,
  authorName: s.authorName,
  at: s.at,
  clauseId: s.clauseId,
  clauseNumber: s.clauseNumber,
  deleted: s.deleted,
  inserted: s.inserted,
})

const openComment = (thread: CommentThread): OpenComment => ({
  threadId: thread.id,
  clauseId: thread.clauseId,
  quote: thread.quote,
  messages: thread.messages.map((m) => ({
    author: m.author.name,
    body: m.body,
    createdAt: m.createdAt,
  })),
})

/** A document's open comment threads, in the order they were opened. */
export const openCommentsOf = async (
  ctx: Pick<DocumentsContext, 'comments'>,
  documentId: string,
): Promise<OpenComment[]> =>
  (await ctx.comments.list(documentId)).filter((t) => t.status === 'open').map(openComment)

/**
 * What is still open in a document: suggestions in its text, and comment threads. Read
 * without opening the document as a room, so a finalize checked while someone opens it does
 * not wait on that opening (what arrives after the check is handled by `finalizeText`).
 */
export const openItemsOf = async (
  ctx: Pick<DocumentsContext, 'comments' | 'live'>,
  documentId: string,
): Promise<OpenItems> => {
  const [suggestions, comments] = await Promise.all([
    ctx.live.peek(documentId, (doc) => listSuggestions(bodyOf(doc))),
    openCommentsOf(ctx, documentId),
  ])
  return { suggestions: suggestions.map(openSuggestion), comments }
}

/** The counts a refusal and the audit entry carry. */
export const countOf = (items: OpenItems) => ({
  suggestions: items.suggestions.length,
  comments: items.comments.length,
})
