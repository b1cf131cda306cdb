import { atLeast, DocumentStatus, ErrorCode, type ReviewRound, Role } from '@accord/protocol'
import type { OpenReviewRoundRequest } from '@accord/protocol/requests'
import type { Cluster } from '../cluster/Cluster.js'
import { forbidden, HttpError, notFound } from '../http/HttpError.js'
import type { Logger } from '../logger.js'
import type { Clock } from '../mail/Clock.js'
import type { DocumentEvents } from '../services/DocumentEvents.js'
import { PeriodicTask } from '../services/PeriodicTask.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { Database } from '../store/Database.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { StoredUser, UserStore } from '../store/UserStore.js'
import { publicRound, type ReviewRoundStore, type StoredRound } from './ReviewRoundStore.js'
import { roundSummary } from './roundSummary.js'

/** The reminder goes out this long before the deadline. */
export const REMINDER_BEFORE_MS = 24 * 60 * 60 * 1000

export interface ReviewRoundDeps {
  db: Database
  rounds: ReviewRoundStore
  catalog: DocumentCatalog
  users: UserStore
  cluster: Cluster
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
    user: StoredUser,
    documentId: string,
    req: OpenReviewRoundRequest & { instructions: string },
  ): Promise<ReviewRound> {
    if (!atLeast(user.role, Role.coordinator))
      throw forbidden('Only coordinators and the secretariat open review rounds')
    const doc = await this.deps.catalog.get(documentId)
    if (!doc) throw notFound('Unknown document')
    if (doc.status === DocumentStatus.final) {
      throw new HttpError(
        409,
        ErrorCode.documentFinal,
        'A final document cannot go to review; reopen it first',
      )
    }
    const now = this.deps.clock.now()
    const deadline = Date.parse(req.deadline)
    if (!(deadline > now)) {
      throw new HttpError(400, ErrorCode.validation, 'The deadline must be in the future', [
        { path: 'deadline', message: 'in the past' },
      ])
    }
    const participantIds = req.participants === 'everyone' ? null : [...new Set(req.participants)]
    if (participantIds) {
      const invalid = []
      for (const id of participantIds)
        if (!(await this.deps.users.byId(id))?.active) invalid.push(id)
      if (invalid.length > 0) {
        throw new HttpError(
          400,
          ErrorCode.validation,
          'Every participant must have an active account',
          [{ path: 'participants', message: `unknown or deactivated: ${invalid.join(', ')}` }],
        )
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
    if (!round)
      throw new HttpError(409, ErrorCode.conflict, 'This document already has an open review round')
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

  async list(documentId: string): Promise<ReviewRound[]> {
    return Promise.all((await this.deps.rounds.list(documentId)).map((r) => this.show(r)))
  }

  /** Closes a round now: by a coordinator (`by`) or at its deadline (`by` null). */
  async close(round: StoredRound, by: StoredUser | null): Promise<ReviewRound | undefined> {
    if (by && !atLeast(by.role, Role.coordinator))
      throw forbidden('Only coordinators and the secretariat close review rounds')
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
    this.deps.cluster.broadcast({ kind: 'status', documentId, status: to })
    this.deps.events.publish(documentId, { type: 'document', document: updated })
    await this.deps.audit.record({
      userId,
      action: 'document.statusChanged',
      documentId,
      details: { from: doc.status, to, roundId },
    })
  }
}
