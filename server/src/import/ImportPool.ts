import { createRequire } from 'node:module'
import type { ImportedDocument, ImportTask, ImportTaskResult } from '@accord/import'
import { Piscina } from 'piscina'
import type { Logger } from '../logger.js'

/**
 * The worker threads that read imported files (piscina), so a long Word file never holds the
 * main thread, where every room's messages and every request are answered. The worker entry
 * is `@accord/import/worker`, plain JavaScript in that package's build.
 */

export interface ImportPoolOptions {
  /** Worker threads, each reading one file at a time; more files wait their turn. */
  workers: number
  /** Longest one file may take before its worker is stopped (ms). */
  timeoutMs: number
  /** Heap limit of each worker (MiB): a file needing more kills its worker, not the server. */
  workerMemoryMb: number
}

/** Why a file has no result: refused (it cannot be imported), or its reading failed. */
export class ImportRefused extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message)
  }
}

export class ImportFailed extends Error {}

const WORKER_FILE = createRequire(import.meta.url).resolve('@accord/import/worker')
/** A worker with nothing to do stays this long (ms), so imports in a row find it warm. */
const IDLE_MS = 60_000

export class ImportPool {
  private readonly pool: Piscina<ImportTask, ImportTaskResult>
  private closing = false

  constructor(
    private readonly options: ImportPoolOptions,
    private readonly logger: Logger,
  ) {
    this.pool = new Piscina({
      filename: WORKER_FILE,
      minThreads: 0,
      maxThreads: options.workers,
      idleTimeout: IDLE_MS,
      resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb },
    })
    this.pool.on('error', (err: unknown) => logger.error({ err }, 'import worker failed'))
  }

  /** Reads one file in a worker: the document, or `ImportRefused` with the reason, or `ImportFailed`. */
  async read(fileName: string, bytes: Uint8Array): Promise<ImportedDocument> {
    const signal = AbortSignal.timeout(this.options.timeoutMs)
    let result: ImportTaskResult
    try {
      result = await this.pool.run({ fileName, bytes }, { signal })
    } catch (err) {
      if (this.closing) throw new ImportFailed('The server is stopping; try again shortly')
      if (signal.aborted) {
        this.logger.warn({ timeoutMs: this.options.timeoutMs }, 'import stopped: it ran too long')
        throw new ImportFailed(
          `Reading the file took longer than ${Math.round(this.options.timeoutMs / 1000)} s and was stopped`,
        )
      }
      this.logger.error({ err }, 'import worker died')
      throw new ImportFailed('The worker reading this file failed (the file may be too large)')
    }
    if ('refused' in result) throw new ImportRefused(result.refused.reason, result.refused.message)
    if ('error' in result) throw new Error(`import reader failed: ${result.error}`)
    return result.imported
  }

  /** Stops every worker; files still being read fail. */
  async close(): Promise<void> {
    this.closing = true
    await this.pool.destroy()
  }
}
