/**
 * Who may render an export now, who waits, and who is refused. At most `running` exports
 * render at once (one per worker); at most `waiting` more wait for a worker, first come first
 * served; one account holds at most `perAccount` of all these places. A request beyond any of
 * these is refused at once, before anything is read, rather than queued without bound.
 */

export interface ExportQueueOptions {
  /** Exports rendered at once: the pool's workers. */
  running: number
  /** Exports that may wait for a worker, beyond those rendering. */
  waiting: number
  /** Places (rendering or waiting) one account may hold. */
  perAccount: number
}

/** An export refused because its account, or the whole server, has as many as allowed. */
export class ExportsBusy extends Error {
  constructor(
    readonly scope: 'account' | 'server',
    /** A fair wait before asking again: how long an export takes here lately. */
    readonly retryAfterSeconds: number,
  ) {
    super(
      scope === 'account'
        ? 'You have as many exports under way as allowed; wait for one to finish'
        : 'The server has as many exports under way as it takes; try again shortly',
    )
  }
}

/** The queue was closed (the server is stopping) while an export waited. */
export class ExportQueueClosed extends Error {
  constructor() {
    super('The server is stopping')
  }
}

/** One export's place in the queue. */
export interface ExportPlace {
  /** Resolves when a worker is free for this export; rejects if the queue closes first. */
  readonly turn: Promise<void>
  /** Gives the place up, rendered or not; call it exactly once. */
  release(): void
}

/** A place: it started rendering at `startedAt`, or it is still waiting. */
interface Entry {
  startedAt?: number
  start(): void
  fail(err: Error): void
}

/** Until the first export finishes, a guess of how long one takes. */
const FIRST_GUESS_MS = 5000
/** Weight of the newest duration in the running average. */
const SMOOTHING = 0.3

export class ExportQueue {
  private running = 0
  private readonly waiters: Entry[] = []
  private readonly byAccount = new Map<string, number>()
  private averageMs = FIRST_GUESS_MS
  private closed = false

  constructor(private readonly options: ExportQueueOptions) {}

  /** Takes a place for an export of `accountId`'s, or throws `ExportsBusy`. */
  enter(accountId: string): ExportPlace {
    if (this.closed) throw new ExportQueueClosed()
    const held = this.byAccount.get(accountId) ?? 0
    if (held >= this.options.perAccount) throw new ExportsBusy('account', this.retryAfter(1))
    const queued = this.waiters.length
    if (this.running + queued >= this.options.running + this.options.waiting) {
      throw new ExportsBusy('server', this.retryAfter(1 + queued / this.options.running))
    }
    this.byAccount.set(accountId, held + 1)

    let resolve: () => void = () => {}
    let reject: (err: Error) => void = () => {}
    const turn = new Promise<void>((ok, fail) => {
      resolve = ok
      reject = fail
    })
    const mine: Entry = {
      start: () => {
        mine.startedAt = performance.now()
        resolve()
      },
      fail: (err) => reject(err),
    }
    if (this.running < this.options.running) this.begin(mine)
    else this.waiters.push(mine)

    let released = false
    return {
      turn,
      release: () => {
        if (released) return
        released = true
        this.leaveAccount(accountId)
        if (mine.startedAt === undefined) {
          // Still waiting, or its wait failed: it never took a worker.
          const at = this.waiters.indexOf(mine)
          if (at !== -1) this.waiters.splice(at, 1)
          return
        }
        this.averageMs += SMOOTHING * (performance.now() - mine.startedAt - this.averageMs)
        this.running--
        const next = this.waiters.shift()
        if (next) this.begin(next)
      },
    }
  }

  /** Refuses every export from now on and fails those waiting. */
  close(): void {
    this.closed = true
    for (const waiter of this.waiters.splice(0)) waiter.fail(new ExportQueueClosed())
  }

  private begin(entry: Entry): void {
    this.running++
    entry.start()
  }

  private leaveAccount(accountId: string): void {
    const held = (this.byAccount.get(accountId) ?? 1) - 1
    if (held > 0) this.byAccount.set(accountId, held)
    else this.byAccount.delete(accountId)
  }

  /** `exports` average export durations, in whole seconds, between 1 s and 5 minutes. */
  private retryAfter(exports: number): number {
    return Math.min(300, Math.max(1, Math.ceil((exports * this.averageMs) / 1000)))
  }
}
