/** A comment thread waiting for the person's answer: someone else wrote last. */
export interface WaitingThread {
  documentId: string
  documentTitle: string
  threadId: string
  quote: string
  /** The last message: who wrote it and when. */
  lastAuthor: { id: string; name: string }
  lastAt: string
  /** Whether the person was mentioned in the thread (otherwise they started or replied to it). */
  mentioned: boolean
}

/** An open suggestion the person may decide on. */
export interface WaitingSuggestion {
  documentId: string
  documentTitle: string
  suggestionId: string
  kind: 'insertion' | 'deletion' | 'replacement' | 'modification'
  author: { id: string; name: string }
  at: string
  deleted: string
  inserted: string
  clauseNumber: string | null
}

/** A document in review the person has not opened since it went into review. */
export interface UnseenDocument {
  documentId: string
  documentTitle: string
  /** When it went into review. */
  inReviewSince: string
}

/** `GET /api/me/work`: what waits for the signed-in person, across documents. */
export interface MyWorkResponse {
  threads: WaitingThread[]
  suggestions: WaitingSuggestion[]
  documents: UnseenDocument[]
}
