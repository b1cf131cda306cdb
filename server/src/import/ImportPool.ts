import { createRequire } from 'node:module'
import type { ImportedDocument, ImportTask, ImportTaskResult } from '@accord/import'
import type { Logger } from '../logger.js'
import { WorkerFailed, WorkerPool, type WorkerPoolOptions } from '../workers/WorkerPool.js'

/**
 * The worker threads that read imported files, so a long Word file never holds the main
 * thread. The worker entry is `@accord/import/worker`, plain JavaScript in that package's build.
 */

export type ImportPoolOptions = WorkerPoolOptions

/** The file cannot be imported; `reason` is stable and translated by the client. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message)
  }
}

/** Reading the file ran too long, its worker died, or the server is stopping. */
export { WorkerFailed as ImportFailed }

const WORKER_FILE = createRequire(import.meta.url).resolve('@accord/import/worker')

export class ImportPool {
  private readonly pool: WorkerPool<ImportTask, ImportTaskResult>

  constructor(options: ImportPoolOptions, logger: Logger) {
    this.pool = new WorkerPool(WORKER_FILE, options, logger, 'import')
  }

  /** Reads one file in a worker: the document, or `ImportRefused` with the reason, or `ImportFailed`. */
  async read(fileName: string, bytes: Uint8Array): Promise<ImportedDocument> {
    const result = await this.pool.run(
      { fileName, bytes },
      {
        kind: 'import',
        timedOut: (seconds) => `Reading the file took longer than ${seconds} s and was stopped`,
        crashed: 'The worker reading this file failed (the file may be too large)',
      },
    )
    if ('refused' in result) throw new ImportRefused(result.refused.reason, result.refused.message)
    if ('error' in result) throw new Error(`import reader failed: ${result.error}`)
    return result.imported
  }

  /** Stops every worker; files still being read fail with `closed`. */
  close(): Promise<void> {
    return this.pool.close()
  }
}
