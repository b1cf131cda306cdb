/**
 * Where document bodies persist: an append-only log of Yjs updates per
 * document, compacted now and then into one state. The collaboration layer
 * sees only this interface, so PostgreSQL can stand in for SQLite.
 */
export interface DocumentStore {
  /** Everything stored for a document, oldest first: the compacted state (if any) then the log. */
  load(documentId: string): Promise<StoredDocument>
  /** Appends one update to the log and marks the document as changed; resolves with its sequence number. */
  append(documentId: string, update: Uint8Array): Promise<number>
  /**
   * Replaces the state and every log row up to and including `throughSeq` with `state`.
   * Rows appended after `throughSeq` are kept.
   */
  compact(documentId: string, state: Uint8Array, throughSeq: number): Promise<void>
}

export interface StoredDocument {
  updates: Uint8Array[]
  /** Sequence number of the newest log row, or 0. */
  lastSeq: number
  /** Log rows not yet compacted. */
  logLength: number
}
