/**
 * Issue 20: the public page of a consultation read by 50 people while the group co-edits.
 * On a fresh Accord, a 500-clause document gets a named version, a consultation of it and
 * 500 published public comments (sent through the public API, as from 25 addresses behind
 * the trusted local proxy, and published by the secretariat). Then setting (a)'s load (one
 * other document, 50 clients × 2 edits/s, the shared harness) runs with 50 readers who each
 * load the page over HTTP, read for a second, and load it again, throughout: unconditionally,
 * or revalidating as a browser's reload does (If-None-Match with the ETag they got, 304 while
 * the page is unchanged); and once without readers. The harness's fan-out p99 of the two runs is what the readers cost the people
 * typing. Also the first load of the page over HTTP (after the opening prepared it) and the
 * readers' page times.
 */

import { connectClient, headerRecord } from './benchClient.js'
import { fiftyTypists, type HarnessResult } from './harness.js'
import { type AccordHandle, freePort, launchAccord } from './launchers.js'
import { clauseDocument } from './measureLargeDocument.js'
import { median, sleep } from './procStats.js'

export interface ConsultationUnderLoad {
  harness: HarnessResult
  /** ms of the first GET of the page, after the consultation was opened. */
  firstPageMs: number
  /** Pages the readers loaded during the run (0 without readers). */
  pages: number
  /** Median and 99th percentile of the readers' page loads (ms), when there were any. */
  pageMs?: { p50: number; p99: number }
  failedPages: number
  pageBytes: number
  /** Loads answered 304 (revalidating readers whose copy was current). */
  notModified: number
}

/**
 * Who reads: nobody; readers who load the whole page each time; or readers who reload it as
 * a browser does, sending the ETag of the copy they have (If-None-Match) and getting 304.
 */
export type Readers = 'none' | 'unconditional' | 'revalidating'

const CLAUSES = 500
const COMMENTS = 500
export const READERS = 50
/** What a reader spends on the page before loading it again (ms). */
const READING_MS = 1000
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

/** A page load: its time, the bytes received (0 for a 304), and the ETag it came with. */
interface Loaded {
  ms: number
  bytes: number
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
    bytes: body.byteLength,
    etag: res.headers.get('etag') ?? etag ?? null,
    notModified: res.status === 304,
  }
}

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? Number.NaN

export const measureConsultationUnderLoad = async (
  readers: Readers,
  seconds: number,
): Promise<ConsultationUnderLoad> => {
  const server = (await launchAccord({ port: await freePort() })) as AccordHandle
  try {
    const { rooms, headers } = await server.prepareRooms(2)
    const [typed, consulted] = rooms as [string, string]
    const writer = await connectClient(`${server.wsUrl}/${consulted}`, headerRecord(headers))
    writer.send(clauseDocument(CLAUSES))
    await writer.roundTrip()
    await writer.close()
    const page = `${server.url}${await openConsultation(server, consulted)}`
    const first = await loadPage(page)
    if (!first) throw new Error(`GET ${page} failed`)

    let done = false
    const times: number[] = []
    let failedPages = 0
    let notModified = 0
    const reader = async () => {
      // Readers arrive spread over their first second, not all in one instant.
      await sleep(Math.random() * READING_MS)
      let etag: string | null = null
      while (!done) {
        const loaded = await loadPage(page, readers === 'revalidating' ? etag : undefined)
        if (loaded) {
          times.push(loaded.ms)
          etag = loaded.etag
          if (loaded.notModified) notModified++
        } else failedPages++
        await sleep(READING_MS)
      }
    }
    const reading = readers === 'none' ? [] : Array.from({ length: READERS }, reader)
    const harness = await fiftyTypists(server, typed, headers, seconds)
    done = true
    await Promise.all(reading)
    const sorted = [...times].sort((a, b) => a - b)
    return {
      harness,
      firstPageMs: first.ms,
      pages: times.length,
      pageMs: sorted.length > 0 ? { p50: median(sorted), p99: percentile(sorted, 99) } : undefined,
      failedPages,
      pageBytes: first.bytes,
      notModified,
    }
  } finally {
    await server.stop()
  }
}
