/**
 * The readers of measureConsultationUnderLoad.ts, in their own process, so that their fetch
 * and unzipping are not done on the thread of the bench that starts the harness and reads
 * its report. On `read`, readers who each load a page, read for a second and load it again
 * (unconditionally, or revalidating as a browser's reload does) until `stop`; on `burst`,
 * `count` loads `concurrency` at a time as fast as they are answered (the per-request cost).
 * Each command is answered by one message.
 */
import { cpuSeconds } from './procStats.js'

export type ReaderMode = 'unconditional' | 'revalidating'

export type ReadersCommand =
  | { cmd: 'read'; url: string; readers: number; mode: ReaderMode; readingMs: number }
  | { cmd: 'stop' }
  | { cmd: 'burst'; url: string; count: number; concurrency: number; mode: ReaderMode }

export interface ReadersReport {
  /** Every load's time (ms), in the order they ended. */
  times: number[]
  failed: number
  notModified: number
  /** CPU seconds this process used meanwhile (the readers' own cost). */
  cpuS: number
  ms: number
}

/** A page load: its time, and the ETag it came with. */
interface Loaded {
  ms: number
  etag: string | null
  notModified: boolean
}

/** GET the page; with `etag`, as a browser reloading a page it has (If-None-Match). */
const loadPage = async (url: string, etag?: string | null): Promise<Loaded | undefined> => {
  const started = performance.now()
  // As Chromium reloads: fetch alone would add `Cache-Control: no-cache` to a conditional
  // request (the Fetch standard), which asks the server for the whole page again.
  const revalidate = etag
    ? { headers: { 'If-None-Match': etag, 'Cache-Control': 'max-age=0' } }
    : {}
  const res = await fetch(url, revalidate).catch(() => undefined)
  const body = await res?.arrayBuffer().catch(() => undefined)
  if (!res || !body || (!res.ok && res.status !== 304)) return undefined
  return {
    ms: performance.now() - started,
    etag: res.headers.get('etag') ?? etag ?? null,
    notModified: res.status === 304,
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Loads of one run, counted as they end. */
class Tally {
  readonly times: number[] = []
  failed = 0
  notModified = 0
  private readonly cpuAtStart = cpuSeconds(process.pid)
  private readonly started = performance.now()

  add(loaded: Loaded | undefined): void {
    if (!loaded) {
      this.failed++
      return
    }
    this.times.push(loaded.ms)
    if (loaded.notModified) this.notModified++
  }

  report(): ReadersReport {
    return {
      times: this.times,
      failed: this.failed,
      notModified: this.notModified,
      cpuS: cpuSeconds(process.pid) - this.cpuAtStart,
      ms: performance.now() - this.started,
    }
  }
}

let reading: { done: boolean; tally: Tally; readers: Promise<void>[] } | undefined

const read = (command: Extract<ReadersCommand, { cmd: 'read' }>) => {
  const run = { done: false, tally: new Tally(), readers: [] as Promise<void>[] }
  const reader = async () => {
    // Readers arrive spread over their first second, not all in one instant.
    await sleep(Math.random() * command.readingMs)
    let etag: string | null = null
    while (!run.done) {
      const loaded = await loadPage(command.url, command.mode === 'revalidating' ? etag : undefined)
      run.tally.add(loaded)
      if (loaded) etag = loaded.etag
      await sleep(command.readingMs)
    }
  }
  run.readers = Array.from({ length: command.readers }, reader)
  reading = run
}

const burst = async (command: Extract<ReadersCommand, { cmd: 'burst' }>) => {
  // The ETag to revalidate with, from one load first.
  const first = await loadPage(command.url)
  const tally = new Tally()
  let left = command.count
  const worker = async () => {
    while (left > 0) {
      left--
      tally.add(
        await loadPage(command.url, command.mode === 'revalidating' ? first?.etag : undefined),
      )
    }
  }
  await Promise.all(Array.from({ length: command.concurrency }, worker))
  return tally.report()
}

const answer = (report: ReadersReport) => process.send?.(report)

process.on('message', (command: ReadersCommand) => {
  if (command.cmd === 'read') {
    read(command)
    answer({ times: [], failed: 0, notModified: 0, cpuS: 0, ms: 0 })
  } else if (command.cmd === 'stop') {
    const run = reading
    if (!run) return answer({ times: [], failed: 0, notModified: 0, cpuS: 0, ms: 0 })
    run.done = true
    void Promise.all(run.readers).then(() => answer(run.tally.report()))
    reading = undefined
  } else {
    void burst(command).then(answer)
  }
})
