import type { DocumentStatus } from '@accord/protocol'
import type * as Y from 'yjs'

/**
 * One live document as the documents layer sees it: the Y.Doc the editors write, the status
 * its connections obey, and the edits arriving from people. No rooms, sockets or cluster.
 */
export interface LiveDocument {
  readonly id: string
  readonly doc: Y.Doc
  readonly status: DocumentStatus
  /**
   * The whole document encoded as a Yjs update, at most once per change (shared with syncs).
   * Not inside a `change`: the cache is renewed when its transaction ends.
   */
  encodedState(): Uint8Array
  /** Calls `watcher` with every update applied from a person (here or on another instance). */
  watchApplied(watcher: (update: Uint8Array) => void): () => void
  /** Calls `watcher` after every change to the document, whoever made it. Returns the unsubscribe. */
  watchChanges(watcher: () => void): () => void
  /**
   * The people whose edits were applied here since the last call, and forgets them: the
   * automatic versions name who made them.
   */
  takeEditors(): { id: string; name: string }[]
}

/** Why the server itself changes a live document; every copy receives it as an ordinary update. */
export type ServerChange = 'restore' | 'suggestions' | 'structure'

/**
 * The port through which operations reach live documents (the room registry implements it).
 * Both run `fn` synchronously on the one live copy, loading it if nobody has it open, so
 * nothing typed can fall between what `fn` reads and what it writes.
 */
export interface LiveDocuments {
  read<T>(documentId: string, fn: (live: LiveDocument) => T): Promise<T>
  /**
   * Reads a document as it is now without opening it as a live document (the live copy when
   * one is in memory, else what storage holds): a check that must not wait on an opening.
   */
  peek<T>(documentId: string, fn: (doc: Y.Doc) => T): Promise<T>
  /** Runs `fn` in one transaction with the origin `change`. */
  change<T>(documentId: string, change: ServerChange, fn: (live: LiveDocument) => T): Promise<T>
  /**
   * Like `change`, for changes clients must receive as separate steps (a clause moved is
   * taken out, then put back): each `step` is one transaction with the origin `change`, and
   * all of them run synchronously, so nothing typed falls between them.
   */
  changeInSteps<T>(
    documentId: string,
    change: ServerChange,
    fn: (live: LiveDocument, step: (edit: () => void) => void) => T,
  ): Promise<T>
  /** Writes the first content of a new document, before anyone has it open. */
  seed(documentId: string, update: Uint8Array): Promise<void>
  /** Every live document in memory now. */
  inMemory(): LiveDocument[]
}
