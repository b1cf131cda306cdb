import type { DocumentEvent } from '@accord/protocol'
import type { Logger } from '../../../logger.js'
import type { CommentStore } from '../../../store/CommentStore.js'
import type { DocumentEvents } from '../../DocumentEvents.js'
import type { LiveDocument } from '../../LiveDocuments.js'
import { FollowedAnchors } from './FollowedAnchors.js'
import type { Recreated } from './recreatedWords.js'

interface Deps {
  comments: CommentStore
  events: DocumentEvents
  logger: Logger
}

/**
 * Keeps comments on their words when the words are re-created rather than deleted: a clause
 * moved ("out, then back in"), a paragraph split or joined, an undo (see `recreatedWords`).
 * The server sees each change as one transaction, so it can tell; it stores the new anchor
 * and every client hears of it on the document's event stream, where the thread arrives
 * like any change to it. Words simply deleted stay deleted: the thread shows "text
 * removed" everywhere (`resolveAnchor`).
 */
export class AnchorFollower {
  constructor(private readonly deps: Deps) {}

  /** Follows a loaded room's threads until its document is destroyed. */
  onRoomLoaded(room: LiveDocument): void {
    const { comments, events, logger } = this.deps
    const documentId = room.id
    const anchors = new FollowedAnchors(
      room.doc,
      (threadId, moved) => void this.store(documentId, threadId, moved),
      (err) => logger.error({ err, documentId }, 'could not follow comment anchors'),
    )
    const unsubscribe = events.subscribe(documentId, (event: DocumentEvent) => {
      if (event.type === 'thread') anchors.follow(event.thread.id, event.thread.anchor)
      else if (event.type === 'threadDeleted') anchors.forget(event.threadId)
    })
    room.doc.once('destroy', () => {
      anchors.destroy()
      unsubscribe()
    })
    comments.anchors(documentId).then(
      (threads) => {
        for (const { id, anchor } of threads) if (!anchors.has(id)) anchors.follow(id, anchor)
      },
      (err: unknown) => logger.error({ err, documentId }, 'could not load comment anchors'),
    )
  }

  /** Stores a thread's new anchor and tells everyone watching the document. */
  private async store(documentId: string, threadId: string, moved: Recreated): Promise<void> {
    const { comments, events, logger } = this.deps
    try {
      await comments.setAnchor(documentId, threadId, moved.anchor, moved.clauseId)
      const thread = await comments.get(documentId, threadId)
      if (thread) events.publish(documentId, { type: 'thread', thread })
    } catch (err) {
      logger.error({ err, documentId, threadId }, 'could not move a comment onto its words')
    }
  }
}
