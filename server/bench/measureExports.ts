/**
 * Does an export freeze the server for everyone else? Starts the built server
 * (`npm run build` first), fills one document with a long standard, and measures a
 * bystander editing another document, and `/api/health`, while that document is exported:
 *   1. quiet: no export (the baseline);
 *   2. one PDF export;
 *   3. a burst of PDF exports requested at once by one account.
 * Prints a Markdown table for docs/reliability.md ("Exports off the event loop") and the raw
 * figures as JSON. Not part of `npm test`. Run from the repository root:
 *   npx tsx server/bench/measureExports.ts [--paragraphs 3000] [--burst 12] [--quiet-ms 30000]
 */
import { parseArgs } from 'node:util'
import { jsonToUpdate } from '@accord/schema'
import * as Y from 'yjs'
import { longDocument } from '../test/utils/longDocument.js'
import { type BenchClient, connectClient, headerRecord } from './benchClient.js'
import { freePort, launchAccord } from './launchers.js'
import { sleep } from './procStats.js'

const { values: args } = parseArgs({
  options: {
    paragraphs: { type: 'string', default: '3000' },
    burst: { type: 'string', default: '12' },
    'quiet-ms': { type: 'string', default: '30000' },
  },
})
const PARAGRAPHS = Number(args.paragraphs)
const BURST = Number(args.burst)
const QUIET_MS = Number(args['quiet-ms'])
/** Pause between two probes of one kind; each probe waits for its answer first. */
const PROBE_GAP_MS = 20
const log = (message: string) => process.stderr.write(`[exports] ${message}\n`)

interface Latencies {
  count: number
  p50: number
  p99: number
  max: number
}

const summarize = (values: readonly number[]): Latencies => {
  const sorted = [...values].sort((a, b) => a - b)
  const at = (q: number) =>
    sorted.length === 0
      ? Number.NaN
      : (sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number)
  return {
    count: sorted.length,
    p50: Math.round(at(0.5)),
    p99: Math.round(at(0.99)),
    max: Math.round(sorted.at(-1) ?? Number.NaN),
  }
}

/**
 * Runs the two probes until `work` settles: the bystander types one character and waits for
 * the server's answer to a sync step 1 sent right after it (the server has read the edit),
 * and a plain GET /api/health. A probe still waiting when `work` settles is counted too.
 */
const probeDuring = async <T>(
  bystander: BenchClient,
  healthUrl: string,
  work: Promise<T>,
): Promise<{ result: T; roundTrip: Latencies; health: Latencies & { failed: number } }> => {
  let done = false
  const roundTrips: number[] = []
  const health: number[] = []
  let healthFailed = 0
  // Typed into the body, as the editor would: a paragraph of its own.
  const text = new Y.XmlText()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [text])
  const body = bystander.doc.getXmlFragment('default')
  body.insert(body.length, [paragraph])
  const typing = (async () => {
    while (!done) {
      const started = performance.now()
      bystander.doc.transact(() => text.insert(text.length, 'x'))
      await bystander.roundTrip()
      roundTrips.push(performance.now() - started)
      await sleep(PROBE_GAP_MS)
    }
  })()
  const asking = (async () => {
    while (!done) {
      const started = performance.now()
      // A keep-alive connection the server closed while it was frozen fails once: counted.
      const ok = await fetch(healthUrl).then(
        (res) => res.ok,
        () => false,
      )
      // A failed probe waited too: its time counts, and it is counted as failed.
      health.push(performance.now() - started)
      if (!ok) healthFailed++
      await sleep(PROBE_GAP_MS)
    }
  })()
  const result = await work
  done = true
  await Promise.all([typing, asking])
  return {
    result,
    roundTrip: summarize(roundTrips),
    health: { ...summarize(health), failed: healthFailed },
  }
}

/** The error code of a JSON error body, or what the body was instead. */
const errorCode = (body: string): string => {
  try {
    return (JSON.parse(body) as { error?: { code?: string } }).error?.code ?? 'no code'
  } catch {
    return body === '' ? 'empty body' : 'not JSON'
  }
}

interface ExportAnswer {
  status: number
  ms: number
  retryAfter: string | null
  code?: string
}

const main = async () => {
  const port = await freePort()
  const server = await launchAccord({ port })
  const base = `http://127.0.0.1:${port}`
  try {
    const { rooms, headers } = await server.prepareRooms(2)
    const [longRoom, otherRoom] = rooms as [string, string]
    const upgradeHeaders = headerRecord(headers)
    const cookie = upgradeHeaders.Cookie as string

    log(`filling a document with ${PARAGRAPHS} paragraphs`)
    const writer = await connectClient(`${server.wsUrl}/${longRoom}`, upgradeHeaders)
    const update = jsonToUpdate(longDocument(PARAGRAPHS))
    Y.applyUpdate(writer.doc, update)
    writer.send(update)
    await writer.roundTrip()
    await writer.close()

    const bystander = await connectClient(`${server.wsUrl}/${otherRoom}`, upgradeHeaders)
    // What the bystander types goes to the server, as a provider would send it.
    bystander.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin !== 'server') bystander.send(update)
    })
    const exportPdf = async (): Promise<ExportAnswer> => {
      const started = performance.now()
      const ms = () => Math.round(performance.now() - started)
      try {
        const res = await fetch(`${base}/api/documents/${longRoom}/export?format=pdf`, {
          headers: { cookie },
        })
        const body = Buffer.from(await res.arrayBuffer())
        const answer: ExportAnswer = {
          status: res.status,
          ms: ms(),
          retryAfter: res.headers.get('retry-after'),
        }
        // Before exports had their own limits, a request could also time out with no JSON body.
        if (res.status !== 200) answer.code = errorCode(body.toString())
        return answer
      } catch {
        // ...or have its connection dropped by a server too frozen to read it.
        return { status: 0, ms: ms(), retryAfter: null, code: 'connection dropped' }
      }
    }

    log(`quiet: ${QUIET_MS} ms without exports`)
    const quiet = await probeDuring(bystander, `${base}/api/health`, sleep(QUIET_MS))

    log('one PDF export')
    const single = await probeDuring(bystander, `${base}/api/health`, exportPdf())

    log(`${BURST} PDF exports at once from one account`)
    const burstStarted = performance.now()
    const burst = await probeDuring(
      bystander,
      `${base}/api/health`,
      Promise.all(Array.from({ length: BURST }, exportPdf)),
    )
    const burstMs = Math.round(performance.now() - burstStarted)
    await bystander.close()

    const statuses = new Map<string, number>()
    for (const answer of burst.result) {
      const key = answer.code ? `${answer.status} ${answer.code}` : String(answer.status)
      statuses.set(key, (statuses.get(key) ?? 0) + 1)
    }
    const refused = burst.result.filter((a) => a.status === 429)
    const row = (
      name: string,
      r: { roundTrip: Latencies; health: Latencies & { failed: number } },
      exportCell: string,
    ) =>
      `| ${name} | ${r.roundTrip.p50} / ${r.roundTrip.p99} / ${r.roundTrip.max} (${r.roundTrip.count}) | ${r.health.p50} / ${r.health.p99} / ${r.health.max} (${r.health.count}${r.health.failed ? `, ${r.health.failed} failed` : ''}) | ${exportCell} |`
    const table = [
      `${PARAGRAPHS} paragraphs (${Math.round(update.byteLength / 1024)} KiB of Yjs state); ms, p50 / p99 / max (probes)`,
      '',
      '| Phase | Bystander round trip | `/api/health` | Export |',
      '| ----- | -------------------- | ------------- | ------ |',
      row('quiet', quiet, '–'),
      row('one PDF export', single, `${single.result.status} in ${single.result.ms} ms`),
      row(
        `${BURST} PDF exports at once, one account`,
        burst,
        `${[...statuses].map(([key, n]) => `${n} × ${key}`).join(', ')}; all answered in ${burstMs} ms${
          refused.length > 0
            ? `; refusals in ${Math.max(...refused.map((a) => a.ms))} ms at most, Retry-After ${refused[0]?.retryAfter}`
            : ''
        }`,
      ),
    ].join('\n')
    process.stdout.write(`${table}\n\n`)
    process.stdout.write(
      `${JSON.stringify({ paragraphs: PARAGRAPHS, quiet, single, burst: { ...burst, ms: burstMs } })}\n`,
    )
  } finally {
    await server.stop()
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`)
  process.exit(1)
})
