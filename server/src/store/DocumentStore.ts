/**
 * Where document bodies persist: an append-only log of Yjs updates per document, folded
 * now and then into one state. The collaboration layer sees only this interface; SQLite
 * (one process) and PostgreSQL (several instances) implement it, and one contract suite
 * (server/test/storage) holds both to it.
 */
export interface DocumentStore {
  /** Everything stored for a document, oldest first: the compacted state (if any) then the log. */
  load(documentId: string): Promise<StoredDocument>
  /** Appends one update to the log and marks the document as changed. */
  append(documentId: string, update: Uint8Array): Promise<void>
  /**
   * Folds the state and every log row stored now into one state. Built from what is
   * stored, not from any instance's memory, so it is safe while other instances append to
   * the same document (a row committed meanwhile stays in the log) and while another
   * instance compacts it (they take turns).
   */
  compact(documentId: string): Promise<void>
}

export interface StoredDocument {
  updates: Uint8Array[]
  /** Log rows not yet compacted. */
  logLength: number
}
