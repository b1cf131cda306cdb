/**
 * How long the language-version answers take for a long text: a 500-clause source and its
 * translation, every clause marked translated and a tenth of them outdated since, with a
 * 200-entry glossary. Each round starts a fresh built server (`npm run build` first) and asks
 * `GET /api/documents/:tid/alignment` and `GET /api/documents/:id/languages` repeatedly
 * (median and p95 over warm runs), and times the shared rule `alignClauses` alone; the
 * figures are medians over rounds. Prints the table and records it in docs/performance.md
 * (`--no-record` to only print). Not part of `npm test`. From the repository root:
 *   npx tsx server/bench/measureAlignment.ts [--clauses 500] [--runs 30] [--rounds 2] [--note TEXT]
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { alignClauses, prepareGlossary } from '@accord/diff'
import type { GlossaryEntry } from '@accord/protocol'
import { jsonToUpdate } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import { connectClient } from './benchClient.js'
import { freePort, launchAccord, REPO_ROOT } from './launchers.js'
import { median } from './procStats.js'
import { machine, type Row, recordResults, resultsSection, textTable } from './report.js'

const { values: args } = parseArgs({
  options: {
    clauses: { type: 'string', default: '500' },
    runs: { type: 'string', default: '30' },
    rounds: { type: 'string', default: '2' },
    'no-record': { type: 'boolean', default: false },
    note: { type: 'string' },
  },
})
const CLAUSES = Number(args.clauses)
const RUNS = Number(args.runs)
const ROUNDS = Number(args.rounds)
const log = (message: string) => process.stderr.write(`[alignment] ${message}\n`)

const text = (value: string): JSONContent[] => [{ type: 'text', text: value }]
const source = (edited: (i: number) => boolean): JSONContent => ({
  type: 'doc',
  content: Array.from({ length: CLAUSES }, (_, i) => ({
    type: 'clause',
    attrs: { id: `c${i}` },
    content: [
      { type: 'clauseHeading', content: text(`Статья о предмете ${i}`) },
      {
        type: 'paragraph',
        content: text(
          `Обработка персональных данных по пункту ${i} допускается только с согласия субъекта${edited(i) ? ' и уведомления уполномоченного' : ''}.`,
        ),
      },
    ],
  })),
})

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number
}
const timeIt = async (runs: number, work: () => Promise<unknown>) => {
  await work()
  const ms: number[] = []
  for (let i = 0; i < runs; i++) {
    const started = performance.now()
    await work()
    ms.push(performance.now() - started)
  }
  return { p50: percentile(ms, 50), p95: percentile(ms, 95) }
}

type Timing = { p50: number; p95: number }
interface RoundFigures {
  withoutGlossary: Timing
  aligned: Timing
  languages: Timing
  rule: Timing
  plain: Timing
  outdated: number
}

/** One fresh server: the scene set up, then every answer timed. */
const measureRound = async (): Promise<RoundFigures> => {
  const server = await launchAccord({ port: await freePort() })
  try {
    const call = async (method: string, route: string, body?: unknown) => {
      const res = await server.adminCall(method, route, body)
      if (!res.ok) throw new Error(`${method} ${route}: ${res.status} ${await res.text()}`)
      return res.json() as Promise<Record<string, unknown>>
    }
    const { id: sourceId } = (await call('POST', '/api/documents', {
      title: 'Alignment bench',
    })) as {
      id: string
    }
    const headers = await server.accountHeaders('coordinator')
    const writer = await connectClient(`${server.wsUrl}/${sourceId}`, headers)
    writer.send(jsonToUpdate(source(() => false)))
    await writer.roundTrip()
    log(`source of ${CLAUSES} clauses written`)
    const { document } = (await call('POST', `/api/documents/${sourceId}/languages`, {
      language: 'en',
      fill: 'source',
    })) as { document: { id: string } }
    for (let i = 0; i < CLAUSES; i++)
      await call('POST', `/api/documents/${document.id}/clauses/c${i}/translated`, {})
    const withoutGlossary = await timeIt(RUNS, () =>
      call('GET', `/api/documents/${document.id}/alignment`),
    )
    const entries = Array.from({ length: 200 }, (_, i) => ({
      terms: { ru: `термин номер ${i}`, en: `term number ${i}` },
      forbidden: { en: [`old term ${i}`] },
      note: '',
    }))
    entries[0] = {
      terms: { ru: 'персональные данные', en: 'personal data' },
      forbidden: { en: [] },
      note: '',
    }
    for (const entry of entries) await call('POST', '/api/glossary', entry)
    // A tenth of the source edited after the marking: those clauses are outdated.
    writer.ws.close()
    const second = await connectClient(`${server.wsUrl}/${sourceId}`, headers)
    const body = second.doc.getXmlFragment('default')
    second.doc.transact(() => {
      for (let i = 0; i < CLAUSES; i += 10) {
        const paragraph = (body.get(i) as Y.XmlElement).get(1) as Y.XmlElement
        const words = paragraph.get(0) as Y.XmlText
        words.insert(words.length - 1, ' и уведомления уполномоченного')
      }
    })
    second.send(Y.encodeStateAsUpdate(second.doc))
    await second.roundTrip()
    second.ws.close()

    const alignment = (await call('GET', `/api/documents/${document.id}/alignment`)) as {
      counts: Record<string, number>
    }
    log(`counts ${JSON.stringify(alignment.counts)}`)
    const aligned = await timeIt(RUNS, () => call('GET', `/api/documents/${document.id}/alignment`))
    const languages = await timeIt(RUNS, () => call('GET', `/api/documents/${sourceId}/languages`))

    // The shared rule alone, as the side-by-side view runs it on every change (in this process).
    const json = source((i) => i % 10 === 0)
    const marks = new Map(
      Array.from({ length: CLAUSES }, (_, i) => [
        `c${i}`,
        {
          sourceText: `Статья о предмете ${i}\nОбработка персональных данных по пункту ${i} допускается только с согласия субъекта.`,
          at: '',
          by: { id: '', name: '' },
        },
      ]),
    )
    const glossary = prepareGlossary(
      entries.map((e, i) => ({ ...e, id: `g${i}`, updatedAt: '' })) as GlossaryEntry[],
      'ru',
      'en',
    )
    const rule = await timeIt(RUNS, async () => alignClauses(json, json, marks, 'ru-RU', glossary))
    const plain = await timeIt(RUNS, async () => alignClauses(json, json, marks, 'ru-RU'))

    return {
      withoutGlossary,
      aligned,
      languages,
      rule,
      plain,
      outdated: alignment.counts.outdated ?? 0,
    }
  } finally {
    await server.stop()
  }
}

const runs: RoundFigures[] = []
const machineLine = machine()
const startedAt = new Date()
for (let round = 1; round <= ROUNDS; round++) runs.push(await measureRound())

const setting = `${CLAUSES} clauses, ${runs[0]?.outdated} outdated; ${RUNS} warm runs per round, fresh server per round`
const HTTP_TARGET_MS = 100
const rows: Row[] = (
  [
    ['GET alignment, no glossary (HTTP)', (r) => r.withoutGlossary, true],
    ['GET alignment, 200-entry glossary (HTTP)', (r) => r.aligned, true],
    ['GET languages, one translation (HTTP)', (r) => r.languages, false],
    ['alignClauses with glossary (in process)', (r) => r.rule, false],
    ['alignClauses without glossary (in process)', (r) => r.plain, false],
  ] as const satisfies readonly (readonly [string, (r: RoundFigures) => Timing, boolean])[]
).flatMap(([what, pick, targeted]) =>
  (['p50', 'p95'] as const).map((p): Row => {
    const ours = median(runs.map((r) => pick(r)[p]))
    return {
      setting,
      metric: `${what} ${p}`,
      unit: 'ms',
      ours,
      reference: undefined,
      ...(targeted ? { target: `< ${HTTP_TARGET_MS} ms`, met: ours < HTTP_TARGET_MS } : {}),
    }
  }),
)
const show = (t: Timing) => `p50 ${t.p50.toFixed(1)} p95 ${t.p95.toFixed(1)} ms`
const details = runs.map(
  (r, i) =>
    `round ${i + 1}: GET alignment ${show(r.withoutGlossary)}, with glossary ${show(r.aligned)}; GET languages ${show(r.languages)}; alignClauses ${show(r.rule)}, without glossary ${show(r.plain)}`,
)
process.stdout.write(`\n${textTable(rows)}\n\nmachine: ${machineLine}\n`)
if (!args['no-record']) {
  recordResults(
    path.join(REPO_ROOT, 'docs/performance.md'),
    resultsSection({
      title: ', language versions (server/bench/measureAlignment.ts)',
      startedAt,
      machine: machineLine,
      note: args.note,
      rows,
      details,
    }),
  )
}
