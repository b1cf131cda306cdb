import {
  canRunReviewRounds,
  DocumentStatus,
  ErrorCode,
  type ReviewRound,
  type Role,
} from '@accord/protocol'
import type { OpenReviewRoundRequest } from '@accord/protocol/requests'
import type { DocumentEvents } from '../documents/DocumentEvents.js'
import { conflict, documentFinal, forbidden, invalid, notFound } from '../errors/DomainError.js'
import type { Logger } from '../logger.js'
import type { Clock } from '../mail/Clock.js'
import { PeriodicTask } from '../notifications/PeriodicTask.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { Database } from '../store/Database.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { UserStore } from '../store/UserStore.js'
import { publicRound, type ReviewRoundStore, type StoredRound } from './ReviewRoundStore.js'
import { roundSummary } from './roundSummary.js'

/** The reminder goes out this long before the deadline. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000

/** Who opens or closes a round. */
export type RoundActor = { id: string; role: Role }

export interface ReviewRoundDeps {
  db: Database
  rounds: ReviewRoundStore
  catalog: DocumentCatalog
  users: UserStore
  /** Tells every instance's open connections a document's new status (they obey it at once). */
  announceStatus(documentId: string, status: DocumentStatus): void
  events: DocumentEvents
  audit: AuditLog
  clock: Clock
  logger: Logger
}

/**
 * Review rounds: a coordinator opens one with a deadline, instructions and participants; the
 * document goes to review; participants are reminded a day before; at the deadline (the
 * server's clock, also after a restart, on whichever instance looks first) it closes by
 * itself, its summary is kept, and the document returns to draft or stays in review.
 * Notifications follow from the activity records written here (`review.*`).
 */
export class ReviewRounds {
  private readonly task: PeriodicTask

  constructor(private readonly deps: ReviewRoundDeps) {
    this.task = new PeriodicTask(
      () => this.due(),
      (err) => this.deps.logger.warn({ err }, 'could not look at review rounds'),
    )
  }

  async open(
    user: RoundActor,
    documentId: string,
    req: OpenReviewRoundRequest & { instructions: string },
  ): Promise<ReviewRound> {
    const doc = await this.deps.catalog.get(documentId)
    if (!doc) throw notFound('Unknown document')
    if (!canRunReviewRounds(user.role))
      throw forbidden('Only coordinators and the secretariat open review rounds')
    if (doc.status === DocumentStatus.final) {
      throw documentFinal('A final document cannot go to review; reopen it first')
    }
    const now = this.deps.clock.now()
    const deadline = Date.parse(req.deadline)
    if (!(deadline > now)) {
      throw invalid('The deadline must be in the future', ErrorCode.validation, [
        { path: 'deadline', message: 'in the past' },
      ])
    }
    const participantIds = req.participants === 'everyone' ? null : [...new Set(req.participants)]
    if (participantIds) {
      const refused = []
      for (const id of participantIds)
        if (!(await this.deps.users.byId(id))?.active) refused.push(id)
      if (refused.length > 0) {
        throw invalid('Every participant must have an active account', ErrorCode.validation, [
          { path: 'participants', message: `unknown or deactivated: ${refused.join(', ')}` },
        ])
      }
    }
    const round = await this.deps.rounds.open({
      documentId,
      openedBy: user.id,
      openedAt: now,
      deadline,
      instructions: req.instructions,
      participantIds,
      afterClose: req.afterClose,
    })
    if (!round) throw conflict('This document already has an open review round')
    await this.moveStatus(documentId, DocumentStatus.review, user.id, round.id)
    await this.deps.audit.record({
      userId: user.id,
      action: 'review.opened',
      documentId,
      details: {
        roundId: round.id,
        deadline: new Date(deadline).toISOString(),
        participants: participantIds ?? 'everyone',
      },
    })
    return this.show(round)
  }

  /** A document's rounds, the open one first (everyone signed in may read them). */
  async list(_actor: RoundActor, documentId: string): Promise<ReviewRound[]> {
    if (!(await this.deps.catalog.get(documentId))) throw notFound('Unknown document')
    return Promise.all((await this.deps.rounds.list(documentId)).map((r) => this.show(r)))
  }

  /** A coordinator closes a round early; a round already closed is answered as it stands. */
  async closeEarly(actor: RoundActor, documentId: string, roundId: string): Promise<ReviewRound> {
    if (!(await this.deps.catalog.get(documentId))) throw notFound('Unknown document')
    const round = await this.deps.rounds.get(roundId)
    if (!round || round.documentId !== documentId) throw notFound('Unknown review round')
    if (!canRunReviewRounds(actor.role))
      throw forbidden('Only coordinators and the secretariat close review rounds')
    const closed = await this.close(round, actor)
    if (closed) return closed
    return this.show((await this.deps.rounds.get(round.id)) ?? round)
  }

  /** Closes a round now: by a coordinator (`by`) or at its deadline (`by` null). */
  private async close(round: StoredRound, by: RoundActor | null): Promise<ReviewRound | undefined> {
    const summary = await roundSummary(this.deps.db, round.documentId, round.afterAuditId)
    if (!(await this.deps.rounds.close(round.id, this.deps.clock.now(), by?.id ?? null, summary)))
      return undefined
    if (round.afterClose === 'draft') {
      await this.moveStatus(
        round.documentId,
        DocumentStatus.draft,
        by?.id ?? round.openedBy,
        round.id,
      )
    }
    await this.deps.audit.record({
      userId: by?.id ?? null,
      action: 'review.closed',
      documentId: round.documentId,
      details: { roundId: round.id, byDeadline: by === null, summary },
    })
    const closed = await this.deps.rounds.get(round.id)
    return closed && this.show(closed)
  }

  /** Looks at the clock now and every `everyMs`: reminders and closes that are due. */
  start(everyMs: number): void {
    this.task.start(everyMs, { now: true })
  }

  stop(): Promise<void> {
    return this.task.stop()
  }

  private async due(): Promise<void> {
    const now = this.deps.clock.now()
    for (const round of await this.deps.rounds.reminderDue(now, REMINDER_BEFORE_MS)) {
      if (!(await this.deps.rounds.markReminded(round.id))) continue
      await this.deps.audit.record({
        userId: null,
        action: 'review.reminder',
        documentId: round.documentId,
        details: { roundId: round.id, deadline: new Date(round.deadline).toISOString() },
      })
    }
    for (const round of await this.deps.rounds.due(now)) await this.close(round, null)
  }

  private async show(round: StoredRound): Promise<ReviewRound> {
    const names = new Map<string, string>()
    for (const id of round.participantIds ?? []) {
      names.set(id, (await this.deps.users.byId(id))?.name ?? '')
    }
    return publicRound(round, names)
  }

  /** Moves the document's status as a round requires, unless it became final meanwhile. */
  private async moveStatus(
    documentId: string,
    to: DocumentStatus,
    userId: string,
    roundId: string,
  ) {
    const doc = await this.deps.catalog.get(documentId)
    if (!doc || doc.status === to || doc.status === DocumentStatus.final) return
    const updated = await this.deps.catalog.update(documentId, doc.status, { status: to }, userId)
    if (!updated) return
    this.deps.announceStatus(documentId, to)
    this.deps.events.publish(documentId, { type: 'document', document: updated })
    await this.deps.audit.record({
      userId,
      action: 'document.statusChanged',
      documentId,
      details: { from: doc.status, to, roundId },
    })
  }
}
