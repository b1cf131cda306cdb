import { Piscina } from 'piscina'
import type { Logger } from '../logger.js'

/**
 * Worker threads (piscina) for work that must never hold the main thread, where every room's
 * messages and every request are answered: rendering exports, reading imported files. Each
 * task has a time limit and each worker a heap limit, so a task that needs too much stops its
 * worker, not the server; the pool starts a fresh worker for the next task.
 */

export interface WorkerPoolOptions {
  /** Worker threads, each running one task at a time. */
  workers: number
  /** Longest one task may run before its worker is stopped (ms). */
  timeoutMs: number
  /** Heap limit of each worker (MiB). */
  workerMemoryMb: number
}

/** Why a task has no result: it ran too long, its worker died, or the server is stopping. */
export class WorkerFailed extends Error {
  constructor(
    readonly reason: 'timeout' | 'crashed' | 'closed',
    message: string,
  ) {
    super(message)
  }
}

/** What a failed task is called in the log and told to the person who asked for it. */
export interface TaskWording {
  /** The log's name for the work, e.g. `export`. */
  kind: string
  /** Fields logged with a failure (never the task itself, which may be large). */
  logFields?: Record<string, unknown>
  /** Told when the task ran longer than `seconds`. */
  timedOut(seconds: number): string
  /** Told when its worker died. */
  crashed: string
}

/** A worker with nothing to do stays this long (ms), so tasks in a row find it warm. */
const IDLE_MS = 60_000

export class WorkerPool<Task, Result> {
  private readonly pool: Piscina<Task, Result>
  private closing = false

  /** `workerFile` is plain JavaScript (a package's build): a worker thread has no TypeScript loader. */
  constructor(
    workerFile: string,
    private readonly options: WorkerPoolOptions,
    private readonly logger: Logger,
    kind: string,
  ) {
    this.pool = new Piscina({
      filename: workerFile,
      minThreads: 0,
      maxThreads: options.workers,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb },
    })
    // A worker that fails with no task in hand is reported here; unheard, it would throw.
    this.pool.on('error', (err: unknown) => logger.error({ err }, `${kind} worker failed`))
  }

  /** Runs one task in a worker; `WorkerFailed` when it runs too long, its worker dies or the pool closes. */
  async run(task: Task, wording: TaskWording): Promise<Result> {
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    try {
      return await this.pool.run(task, { signal })
    } catch (err) {
      if (this.closing)
        throw new WorkerFailed('closed', 'The server is stopping; try again shortly')
      if (signal.aborted) {
        this.logger.warn(
          { ...wording.logFields, timeoutMs: this.options.timeoutMs },
          `${wording.kind} stopped: it ran too long`,
        )
        throw new WorkerFailed(
          'timeout',
          wording.timedOut(Math.round(this.options.timeoutMs / 1000)),
        )
      }
      this.logger.error({ ...wording.logFields, err }, `${wording.kind} worker died`)
      throw new WorkerFailed('crashed', wording.crashed)
    }
  }

  /** Stops every worker; tasks still running fail with `closed`. */
  async close(): Promise<void> {
    this.closing = true
    await this.pool.destroy()
  }
}
