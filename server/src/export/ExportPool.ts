import { createRequire } from 'node:module'
import type { ExportedFile, ExportTask, ExportTaskResult } from '@accord/export'
import { Piscina } from 'piscina'
import type { Logger } from '../logger.js'

/**
 * The worker threads that render exports (piscina), so a long PDF never holds the main
 * thread, where every room's messages and every request are answered. The worker entry is
 * `@accord/export/worker`, plain JavaScript in that package's build, so the same file loads
 * from the built server and from tests that run the server's TypeScript sources (a worker
 * thread has no TypeScript loader).
 */

export interface ExportPoolOptions {
  /** Worker threads, each rendering one export at a time. */
  workers: number
  /** Longest one export may render before its worker is stopped (ms). */
  timeoutMs: number
  /** Heap limit of each worker (MiB): an export needing more kills its worker, not the server. */
  workerMemoryMb: number
}

/** Why an export has no file: it ran too long, its worker died, or the server is stopping. */
export class ExportFailed extends Error {
  constructor(
    readonly reason: 'timeout' | 'crashed' | 'closed',
    message: string,
  ) {
    super(message)
  }
}

const WORKER_FILE = createRequire(import.meta.url).resolve('@accord/export/worker')
/** A worker with nothing to do stays this long (ms), so exports in a row find it warm. */
const IDLE_MS = 60_000

export class ExportPool {
  private readonly pool: Piscina<ExportTask, ExportTaskResult>
  private closing = false

  constructor(
    private readonly options: ExportPoolOptions,
    private readonly logger: Logger,
  ) {
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: 0,
      maxThreads: options.workers,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb },
    })
    // A worker that fails with no task in hand is reported here; unheard, it would throw.
    this.pool.on('error', (err: unknown) => logger.error({ err }, 'export worker failed'))
  }

  /**
   * Renders one export in a worker. The caller keeps the number of exports at or below
   * `workers` (ExportQueue), so the task starts at once (after a worker starts, when none is
   * warm) and the timeout measures its time in a worker, not a wait in a queue.
   * A renderer's own error is thrown as it is (a 500); a worker that dies or runs out of time
   * gives `ExportFailed`, and the pool starts a fresh worker for the next export.
   */
  async render(task: ExportTask): Promise<ExportedFile> {
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    let result: ExportTaskResult
    try {
      result = await this.pool.run(task, { signal })
    } catch (err) {
      if (this.closing)
        throw new ExportFailed('closed', 'The server is stopping; try again shortly')
      if (signal.aborted) {
        this.logger.warn(
          { format: task.format, timeoutMs: this.options.timeoutMs },
          'export stopped: it ran too long',
        )
        throw new ExportFailed(
          'timeout',
          `The export took longer than ${Math.round(this.options.timeoutMs / 1000)} s and was stopped`,
        )
      }
      this.logger.error({ err, format: task.format }, 'export worker died')
      throw new ExportFailed(
        'crashed',
        'The worker rendering this export failed (the document may be too large for this format)',
      )
    }
    if ('error' in result) throw new Error(`export renderer failed: ${result.error}`)
    return result.file
  }

  /** Stops every worker; exports still rendering fail with `closed`. */
  async close(): Promise<void> {
    this.closing = true
    await this.pool.destroy()
  }
}
