/**
 * Issue 20: the public page of a consultation read by 50 people while the group co-edits.
 * On a fresh Accord, a 500-clause document gets a named version, a consultation of it and
 * 500 published public comments (sent through the public API, as from 25 addresses behind
 * the trusted local proxy, and published by the secretariat). Then setting (a)'s load (a
 * fresh document each run, 50 clients × 2 edits/s, the shared harness) runs with 50 readers
 * who each load the page over HTTP, read for a second, and load it again, throughout:
 * unconditionally, or revalidating as a browser's reload does (If-None-Match with the ETag
 * they got, 304 while the page is unchanged); and once without readers. The readers run in a
 * process of their own (consultationReaders.ts).
 *
 * The control: the same readers, reading the same bytes with the same headers, ETags and 304s
 * from a trivial HTTP server (staticPageServer.ts) while the editors still type into Accord.
 * The editors' fan-out p99 with readers of Accord against that with readers of the control is
 * what Accord's serving costs them; the control against no readers is what reading any page
 * costs this machine (its cores shared by the server, the harness and the readers).
 * Then each server's CPU per page load, over a burst of loads with nobody typing.
 */

import { type ChildProcess, fork, spawn } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import http from 'node:http'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { connectClient, headerRecord } from './benchClient.js'
import type { ReaderMode, ReadersCommand, ReadersReport } from './consultationReaders.js'
import { fiftyTypists, type HarnessResult } from './harness.js'
import { type AccordHandle, freePort, launchAccord } from './launchers.js'
import { clauseDocument } from './measureLargeDocument.js'
import { cpuSeconds, median } from './procStats.js'
import type { StaticPage, StaticVariant } from './staticPageServer.js'

/**
 * Who reads: nobody; readers who load the whole page each time; or readers who reload it as
 * a browser does, sending the ETag of the copy they have (If-None-Match) and getting 304.
 */
export type Readers = 'none' | ReaderMode

/** Whose page the readers load: Accord's, or the control's copy of it. */
export type Served = 'accord' | 'control'

export interface Variant {
  readers: Readers
  served: Served
}

/** The runs of a round: without readers, then each kind of reader of Accord and of the control. */
export const VARIANTS: readonly Variant[] = [
  { readers: 'none', served: 'accord' },
  { readers: 'revalidating', served: 'accord' },
  { readers: 'revalidating', served: 'control' },
  { readers: 'unconditional', served: 'accord' },
  { readers: 'unconditional', served: 'control' },
]

export interface ConsultationRun extends Variant {
  harness: HarnessResult
  /** Pages the readers loaded during the run (0 without readers). */
  pages: number
  /** Median and 99th percentile of the readers' page loads (ms), when there were any. */
  pageMs?: { p50: number; p99: number }
  failedPages: number
  /** Loads answered 304 (revalidating readers whose copy was current). */
  notModified: number
  /** CPU seconds of the readers' process, and of the control server, during the run. */
  readersCpuS: number
  controlCpuS: number
}

/** A server's CPU per page load, over a burst of loads with nobody typing. */
export interface PageCost {
  served: Served
  mode: ReaderMode
  requests: number
  failed: number
  /** The server's CPU per load (µs), and the readers' own. */
  serverUs: number
  readersUs: number
}

export interface ConsultationRound {
  /** ms of the first GET of the page, after the consultation was opened. */
  firstPageMs: number
  pageBytes: number
  gzipBytes: number
  runs: ConsultationRun[]
  costs: PageCost[]
}

const CLAUSES = 500
const COMMENTS = 500
export const READERS = 50
/** What a reader spends on the page before loading it again (ms). */
const READING_MS = 1000
/** Loads in flight at once during a burst. */
const BURST_CONCURRENCY = 50
/** Public comments sent from one address (the per-address limit is 30 in 10 minutes). */
const PER_ADDRESS = 20

const json = async <T>(res: Response): Promise<T> => {
  if (!res.ok) throw new Error(`${res.url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** A 500-clause consultation with 500 published comments; its page's path. */
const openConsultation = async (server: AccordHandle, documentId: string): Promise<string> => {
  const { id: versionId } = await json<{ id: string }>(
    await server.adminCall('POST', `/api/documents/${documentId}/versions`, { name: 'Проект' }),
  )
  const { consultation } = await json<{ consultation: { id: string; slug: string } }>(
    await server.adminCall('POST', `/api/documents/${documentId}/consultations`, {
      versionId,
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      introduction: 'Вступление. '.repeat(40),
    }),
  )
  for (let i = 0; i < COMMENTS; i++) {
    const res = await fetch(
      `${server.url}/api/public/consultations/${consultation.slug}/comments`,
      {
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: server.url,
          'X-Forwarded-For': `10.20.${Math.floor(i / PER_ADDRESS)}.1`,
        },
        body: JSON.stringify({
          clauseId: `c${(i % CLAUSES) + 1}`,
          name: `Участник ${i}`,
          email: `reader-${i}@example.org`,
          type: 'technical',
          body: `Замечание ${i}: ${'слишком узкая формулировка, '.repeat(5)}`,
          proposedChange: `Предлагаемая формулировка ${i}`,
          consent: true,
          publishName: i % 2 === 1,
        }),
      },
    )
    if (res.status !== 202)
      throw new Error(`public comment ${i}: ${res.status} ${await res.text()}`)
  }
  const { comments } = await json<{ comments: { id: string }[] }>(
    await server.adminCall('GET', `/api/consultations/${consultation.id}/comments?status=pending`),
  )
  for (const comment of comments) {
    await json(
      await server.adminCall(
        'PATCH',
        `/api/consultations/${consultation.id}/comments/${comment.id}`,
        {
          status: 'published',
        },
      ),
    )
  }
  return `/consultations/${consultation.slug}`
}

/** One GET as sent (no unzipping), with the headers a static copy repeats. */
const rawGet = (url: string, headers: Record<string, string>) =>
  new Promise<{ ms: number; variant: StaticVariant; bytes: number }>((resolve, reject) => {
    const started = performance.now()
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () => {
          if (res.statusCode !== 200) return reject(new Error(`GET ${url}: ${res.statusCode}`))
          const kept: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) {
            if (['date', 'connection', 'keep-alive', 'content-length'].includes(name)) continue
            if (typeof value === 'string') kept[name] = value
          }
          const body = Buffer.concat(chunks)
          resolve({
            ms: performance.now() - started,
            variant: { headers: kept, body: body.toString('base64') },
            bytes: body.length,
          })
        })
      })
      .on('error', reject)
  })

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url))

/** Waits for a child's first line on stdout (it is listening). */
const listening = (child: ChildProcess) =>
  new Promise<void>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`control server exited with ${code}`)))
    child.stdout?.once('data', () => resolve())
  })

/** The control: the page's two variants, as Accord sent them, from a trivial server. */
const startControl = async (dir: string, page: StaticPage) => {
  const file = path.join(dir, 'page.json')
  writeFileSync(file, JSON.stringify(page))
  const port = await freePort()
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(BENCH_DIR, 'staticPageServer.ts'), String(port), file],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  )
  await listening(child)
  return { child, url: `http://127.0.0.1:${port}/page`, pid: child.pid as number }
}

/** The readers' process; `ask` sends a command and resolves with its one answer. */
const startReaders = () => {
  const child = fork(path.join(BENCH_DIR, 'consultationReaders.ts'), {
    execArgv: ['--import', 'tsx'],
  })
  const ask = (command: ReadersCommand) =>
    new Promise<ReadersReport>((resolve) => {
      child.once('message', (report) => resolve(report as ReadersReport))
      child.send(command)
    })
  return { child, ask }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN

/**
 * One round on a fresh Accord (`mainScript`, default this worktree's build): the runs of
 * `order`, each with setting (a)'s typing for `seconds` into a fresh document, then bursts of
 * `burst` page loads of each kind against Accord and the control.
 */
export const measureConsultationRound = async ({
  order,
  seconds,
  burst,
  mainScript,
  nodeFlags,
}: {
  order: readonly Variant[]
  seconds: number
  burst: number
  mainScript?: string
  /** e.g. `--cpu-prof`: the server profiled while the readers read. */
  nodeFlags?: string[]
}): Promise<ConsultationRound> => {
  const server = (await launchAccord({
    port: await freePort(),
    mainScript,
    nodeFlags,
  })) as AccordHandle
  const dir = mkdtempSync(path.join(tmpdir(), 'accord-readers-'))
  const children: ChildProcess[] = []
  try {
    const { rooms, headers } = await server.prepareRooms(order.length + 1)
    const [consulted, ...typed] = rooms as [string, ...string[]]
    const writer = await connectClient(`${server.wsUrl}/${consulted}`, headerRecord(headers))
    writer.send(clauseDocument(CLAUSES))
    await writer.roundTrip()
    await writer.close()
    const page = `${server.url}${await openConsultation(server, consulted)}`
    const first = await rawGet(page, {})
    const zipped = await rawGet(page, { 'accept-encoding': 'gzip' })
    const control = await startControl(dir, { plain: first.variant, gzip: zipped.variant })
    children.push(control.child)
    const readers = startReaders()
    children.push(readers.child)

    const runs: ConsultationRun[] = []
    for (const [i, variant] of order.entries()) {
      const url = variant.served === 'accord' ? page : control.url
      const { readers: mode } = variant
      if (mode !== 'none') {
        await readers.ask({ cmd: 'read', url, readers: READERS, mode, readingMs: READING_MS })
      }
      const controlCpu = cpuSeconds(control.pid)
      const harness = await fiftyTypists(server, typed[i] as string, headers, seconds)
      const read = await readers.ask({ cmd: 'stop' })
      const sorted = [...read.times].sort((a, b) => a - b)
      runs.push({
        ...variant,
        harness,
        pages: read.times.length,
        pageMs:
          sorted.length > 0 ? { p50: median(sorted), p99: percentile(sorted, 99) } : undefined,
        failedPages: read.failed,
        notModified: read.notModified,
        readersCpuS: read.cpuS,
        controlCpuS: cpuSeconds(control.pid) - controlCpu,
      })
    }

    const costs: PageCost[] = []
    const targets = [
      { served: 'accord' as const, url: page, pid: server.pid },
      { served: 'control' as const, url: control.url, pid: control.pid },
    ]
    for (const mode of ['revalidating', 'unconditional'] as const) {
      for (const target of targets) {
        const before = cpuSeconds(target.pid)
        const read = await readers.ask({
          cmd: 'burst',
          url: target.url,
          count: burst,
          concurrency: BURST_CONCURRENCY,
          mode,
        })
        const requests = read.times.length + read.failed
        costs.push({
          served: target.served,
          mode,
          requests,
          failed: read.failed,
          serverUs: ((cpuSeconds(target.pid) - before) / requests) * 1e6,
          readersUs: (read.cpuS / requests) * 1e6,
        })
      }
    }
    return {
      firstPageMs: first.ms,
      pageBytes: first.bytes,
      gzipBytes: zipped.bytes,
      runs,
      costs,
    }
  } finally {
    for (const child of children) child.kill()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  }
}
