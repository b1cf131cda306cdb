import type { Clock } from '../mail/Clock.js'
import type { PublicCommentStore } from '../store/PublicCommentStore.js'
import type { PublishedComment } from './readPublicConsultation.js'

/**
 * How long a consultation's published comments are reused once read: a moderation made on
 * another instance of a scale-out reaches this one's public page at most this much later.
 */
const FRESH_MS = 2000

/**
 * The published comments of each consultation as the public sees them, read once and reused
 * for a moment, so a page that 50 readers reload every second reads them from the database
 * once, not 50 times (each read turned 500 rows into objects on the thread that serves the
 * editors). Moderation and erasure on this instance forget them at once.
 */
export class PublishedComments {
  private readonly read = new Map<string, { at: number; comments: Promise<PublishedComment[]> }>()
  /** Counts the changes made here: a page made from comments read before one is not reused after it. */
  changes = 0

  constructor(
    private readonly store: PublicCommentStore,
    private readonly clock: Clock,
  ) {}

  get(consultationId: string): Promise<PublishedComment[]> {
    const now = this.clock.now()
    const found = this.read.get(consultationId)
    if (found && now >= found.at && now - found.at < FRESH_MS) return found.comments
    const comments = this.store.list(consultationId, 'published').then((stored) =>
      stored.map((c) => ({
        id: c.id,
        clauseId: c.clauseId,
        name: c.publishName && c.name ? c.name : null,
        organization: c.publishName ? c.organization : null,
        type: c.type,
        body: c.body,
        proposedChange: c.proposedChange,
        createdAt: c.createdAt,
        decision: c.disposition?.decision ?? null,
        reason: c.disposition?.reason ?? '',
      })),
    )
    this.read.set(consultationId, { at: now, comments })
    // A failed read is not reused: the next reader tries again.
    comments.catch(() => {
      if (this.read.get(consultationId)?.comments === comments) this.read.delete(consultationId)
    })
    return comments
  }

  /**
   * Until when the comments last read may still be shown without reading them again (the
   * clock's ms): what was read more than a moment ago may have changed on another instance.
   */
  freshUntil(consultationId: string): number {
    const found = this.read.get(consultationId)
    return found ? found.at + FRESH_MS : this.clock.now()
  }

  /** After a change to what the public sees (published, withdrawn, decided, erased). */
  forget(): void {
    this.changes++
    this.read.clear()
  }
}
