import { createRequire } from 'node:module'
import type { ExportedFile, ExportTask, ExportTaskResult } from '@accord/export'
import type { Logger } from '../logger.js'
import { WorkerFailed, WorkerPool, type WorkerPoolOptions } from '../workers/WorkerPool.js'

/**
 * The worker threads that render exports, so a long PDF never holds the main thread. The
 * worker entry is `@accord/export/worker`, plain JavaScript in that package's build, so the
 * same file loads from the built server and from tests that run the server's TypeScript sources.
 */

export type ExportPoolOptions = WorkerPoolOptions

/** Why an export has no file: it ran too long, its worker died, or the server is stopping. */
export { WorkerFailed as ExportFailed }

const WORKER_FILE = createRequire(import.meta.url).resolve('@accord/export/worker')

export class ExportPool {
  private readonly pool: WorkerPool<ExportTask, ExportTaskResult>

  constructor(options: ExportPoolOptions, logger: Logger) {
    this.pool = new WorkerPool(WORKER_FILE, options, logger, 'export')
  }

  /**
   * Renders one export in a worker. The caller keeps the number of exports at or below
   * `workers` (ExportQueue), so the task starts at once (after a worker starts, when none is
   * warm) and the timeout measures its time in a worker, not a wait in a queue.
   * A renderer's own error is thrown as it is (a 500); a worker that dies or runs out of time
   * gives `ExportFailed`.
   */
  async render(task: ExportTask): Promise<ExportedFile> {
    const result = await this.pool.run(task, {
      kind: 'export',
      logFields: { format: task.format },
      timedOut: (seconds) => `The export took longer than ${seconds} s and was stopped`,
      crashed:
        'The worker rendering this export failed (the document may be too large for this format)',
    })
    if ('error' in result) throw new Error(`export renderer failed: ${result.error}`)
    return result.file
  }

  /** Stops every worker; exports still rendering fail with `closed`. */
  close(): Promise<void> {
    return this.pool.close()
  }
}
