import {
  canResolveSuggestions,
  DocumentStatus,
  type MyWorkResponse,
  type WaitingSuggestion,
} from '@accord/protocol'
import type { StoredSuggestion } from '../../store/OpenSuggestions.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { openSuggestionsOf } from '../suggestions/openSuggestionsOf.js'

/**
 * The open suggestions of every document the person may decide on: a loaded document's from
 * its live text, any other's from what was saved when its text last changed. A document whose
 * text has not changed since that summary existed (or whose save was lost) is read from storage.
 */
const waitingSuggestions = async (
  ctx: DocumentsContext,
  actor: Actor,
): Promise<WaitingSuggestion[]> => {
  // Draft or review: coordinators and the secretariat decide in both.
  if (!canResolveSuggestions(actor.role, DocumentStatus.review)) return []
  const loaded = new Map(ctx.live.inMemory().map((live) => [live.id, live]))
  const waiting: WaitingSuggestion[] = []
  for (const document of await ctx.openSuggestions.undecidedDocuments()) {
    const live = loaded.get(document.id)
    const suggestions: StoredSuggestion[] =
      live && !live.doc.isDestroyed
        ? openSuggestionsOf(live.doc)
        : (document.suggestions ??
          (await ctx.live.read(document.id, ({ doc }) => openSuggestionsOf(doc))))
    for (const s of suggestions) {
      waiting.push({
        documentId: document.id,
        documentTitle: document.title,
        suggestionId: s.id,
        kind: s.kind,
        author: { id: s.authorId, name: s.authorName },
        at: s.at,
        deleted: s.deleted,
        inserted: s.inserted,
        clauseNumber: s.clauseNumber,
      })
    }
  }
  return waiting
}

/**
 * What waits for the person across documents: threads where someone else wrote last, open
 * suggestions they may decide on, and documents in review they have not opened since.
 */
export const readMyWork = async (ctx: DocumentsContext, actor: Actor): Promise<MyWorkResponse> => {
  const mentioned = await ctx.waitingThreads.mentioning(actor.id)
  const [threads, suggestions, unseen] = await Promise.all([
    ctx.waitingThreads.waitingFor(actor.id, mentioned),
    waitingSuggestions(ctx, actor),
    ctx.documentOpens.unseenInReview(actor.id),
  ])
  return {
    threads: threads.map((t) => ({
      documentId: t.document_id,
      documentTitle: t.document_title,
      threadId: t.thread_id,
      quote: t.quote,
      lastAuthor: { id: t.last_author_id, name: t.last_author_name },
      lastAt: t.last_at,
      mentioned: mentioned.has(t.thread_id),
    })),
    suggestions,
    documents: unseen.map((d) => ({
      documentId: d.id,
      documentTitle: d.title,
      inReviewSince: d.status_changed_at,
    })),
  }
}
