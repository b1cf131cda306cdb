/**
 * `npm run bench`: Accord against the bare reference y-websocket server, side by side, each
 * run on a fresh process; prints one table of figures and ratios and records it in
 * docs/performance.md. Not part of `npm test`. Options:
 *   --quick            shorter runs (about 4 minutes instead of about 10)
 *   --only a,b,c,d,cold,idle,size,large,export,languages,consultation   a subset (default: all)
 *   --rounds N         A/B rounds per load setting (default 2)
 *   --seconds N        editing seconds of settings (a) and (b) (default 15; a longer run weighs
 *                      a fresh process's start-up, such as V8 compiling the hot code, less)
 *   --no-record        print only; leave docs/performance.md alone
 *   --note TEXT        a line recorded with the results (e.g. "shared busy machine")
 *   --cpu-prof DIR     run every server with `node --cpu-prof`; profiles in DIR/ours, DIR/reference
 *   --threads          also split each load run's server CPU: main thread, other threads
 *   --compare-main JS  consultation row: every round also on another build (its server/dist/main.js)
 */
import { existsSync, mkdirSync } from 'node:fs'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { measureColdLoad, measureIdleRooms, measureStorage } from './accordExtras.js'
import { ensureHarness, type HarnessResult, runHarness } from './harness.js'
import { freePort, launchAccord, REPO_ROOT } from './launchers.js'
import {
  type ConsultationRound,
  type ConsultationRun,
  measureConsultationRound,
  type PageCost,
  READERS,
  type Readers,
  type Served,
  VARIANTS,
  type Variant,
} from './measureConsultationUnderLoad.js'
import { type ExportUnderLoad, measureExportUnderLoad } from './measureExportUnderLoad.js'
import { type LanguageVersions, measureLanguageVersions } from './measureLanguageVersions.js'
import { type LargeOpen, measureLargeDocument } from './measureLargeDocument.js'
import { median, threadCpuSeconds, threadSplit } from './procStats.js'
import { machine, type Row, ratioOf, recordResults, resultsSection, textTable } from './report.js'
import {
  LOAD_SETTINGS,
  type LoadSetting,
  SATURATION,
  stepHeld,
  TARGETS,
  type Target,
} from './settings.js'

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    rounds: { type: 'string' },
    seconds: { type: 'string' },
    'no-record': { type: 'boolean', default: false },
    note: { type: 'string' },
    'cpu-prof': { type: 'string' },
    threads: { type: 'boolean', default: false },
    'compare-main': { type: 'string' },
  },
})
const quick = args.quick ?? false
const rounds = Number(args.rounds ?? 2)
const only = new Set(
  (args.only ?? 'a,b,c,d,cold,idle,size,large,export,languages,consultation')
    .split(',')
    .map((s) => s.trim()),
)
const compareMain = args['compare-main'] ? path.resolve(args['compare-main']) : undefined
const cpuProfDir = args['cpu-prof'] ? path.resolve(args['cpu-prof']) : undefined
if (cpuProfDir) mkdirSync(cpuProfDir, { recursive: true })
const log = (message: string) => process.stderr.write(`[bench] ${message}\n`)

const reference = TARGETS.find((t) => t.role === 'reference') as Target
const unavailable = TARGETS.flatMap((t) => {
  const reason = t.unavailable?.()
  return reason ? [`${t.name}: not run (${reason})`] : []
})
const ours = TARGETS.filter((t) => t.role === 'ours' && !t.unavailable?.())
/** Our targets that run a given setting ('a', 'd', 'cold', …). */
const oursFor = (id: string) => ours.filter((t) => !t.settings || t.settings.includes(id))

const secondsFor = (full: number) => (quick ? Math.max(2, Math.round(full / 3)) : full)
const editingSeconds = args.seconds ? Number(args.seconds) : undefined

type Run = HarnessResult & { threads?: ReturnType<typeof threadSplit> }

/** One harness run against a fresh server process of `target`. */
const runOnce = async (
  target: Target,
  setting: Pick<LoadSetting, 'docs' | 'clients' | 'rate' | 'sizeKb' | 'probes'>,
  seconds: number,
): Promise<Run> => {
  const nodeFlags = cpuProfDir
    ? ['--cpu-prof', `--cpu-prof-dir=${path.join(cpuProfDir, target.role)}`]
    : []
  const server = await target.launch({ port: await freePort(), env: target.env, nodeFlags })
  try {
    const { rooms, headers } = await server.prepareRooms(setting.docs)
    const before = args.threads ? threadCpuSeconds(server.pid) : undefined
    const result: Run = await runHarness({
      wsUrl: server.wsUrl,
      rooms,
      headers,
      pid: server.pid,
      clients: setting.clients,
      rate: setting.rate,
      seconds,
      sizeKb: setting.sizeKb,
      probes: setting.probes,
    })
    // The whole harness run (connecting, syncing, editing, the last check), not only its editing phase.
    if (before) result.threads = threadSplit(server.pid, before, threadCpuSeconds(server.pid))
    return result
  } finally {
    await server.stop()
  }
}

const threadsSummary = ({ threads }: Run) =>
  threads
    ? `; over the whole run, main thread ${threads.main.toFixed(2)} s, other threads ${threads.others.toFixed(2)} s`
    : ''

const summary = (r: Run) =>
  `p50 ${r.latencyMs?.p50 ?? '–'} p99 ${r.latencyMs?.p99 ?? '–'} ms, deliveries ${
    r.edits ? (r.edits.deliveryRatio * 100).toFixed(2) : '–'
  }%, cpu ${r.server?.cpuEditS ?? '–'} s, sync p50 ${r.probes?.syncMs?.p50 ?? r.connect?.syncMs?.p50 ?? '–'} ms, ${
    r.pass ? 'PASS' : `FAIL ${r.problems.join('; ')}`
  }${threadsSummary(r)}`

const rows: Row[] = []
const details: string[] = []

const runLoadSetting = async (setting: LoadSetting) => {
  const results = new Map<Target, HarnessResult[]>()
  const targets = oursFor(setting.id)
  for (let round = 1; round <= rounds; round++) {
    for (const target of [...targets, reference]) {
      const seconds =
        editingSeconds && (setting.id === 'a' || setting.id === 'b')
          ? editingSeconds
          : secondsFor(setting.seconds)
      log(`(${setting.id}) round ${round}: ${target.name}`)
      const result = await runOnce(target, setting, seconds)
      log(`(${setting.id}) round ${round}: ${target.name}: ${summary(result)}`)
      details.push(`(${setting.id}) round ${round}, ${target.name}: ${summary(result)}`)
      results.set(target, [...(results.get(target) ?? []), result])
    }
  }
  const value = (target: Target, read: (r: HarnessResult) => number | undefined) => {
    const values = (results.get(target) ?? []).map(read).filter((v): v is number => v !== undefined)
    return values.length ? median(values) : undefined
  }
  for (const target of targets) {
    for (const metric of setting.metrics) {
      const row: Row = {
        setting: `(${setting.id}) ${setting.title}${targets.length > 1 ? ` [${target.name}]` : ''}`,
        metric: metric.name,
        unit: metric.unit,
        ours: value(target, metric.read),
        reference: value(reference, metric.read),
      }
      if (metric.targetRatio !== undefined) {
        const ratio = ratioOf(row)
        row.target = `${metric.higherIsBetter ? '≥' : '≤'} ${metric.targetRatio.toFixed(1)}×`
        row.met =
          ratio !== undefined &&
          (metric.higherIsBetter ? ratio >= metric.targetRatio : ratio <= metric.targetRatio)
      } else if (metric.unit === '%') {
        row.target = '100%'
        row.met = row.ours === 100
      } else if (metric.name.startsWith('convergence')) {
        row.target = 'PASS'
        row.met = row.ours === 1
      }
      rows.push(row)
    }
  }
}

/** (d): each round raises the rate of (a) for every target until a step fails. */
const runSaturation = async () => {
  const base = LOAD_SETTINGS.find((s) => s.id === SATURATION.base) as LoadSetting
  const satRounds = quick ? 1 : rounds
  const held = new Map<Target, number[]>()
  const targets = oursFor('d')
  for (let round = 1; round <= satRounds; round++) {
    const stillGoing = new Set<Target>([...targets, reference])
    const best = new Map<Target, number>()
    for (const rate of SATURATION.rates) {
      if (stillGoing.size === 0) break
      for (const target of [...targets, reference]) {
        if (!stillGoing.has(target)) continue
        const seconds = quick ? 4 : SATURATION.seconds
        const result = await runOnce(target, { ...base, rate }, seconds)
        const ok = stepHeld(result)
        log(
          `(d) round ${round}, ${rate}/s: ${target.name}: ${summary(result)} → ${ok ? 'held' : 'failed'}`,
        )
        details.push(
          `(d) round ${round}, ${rate} edits/s/client, ${target.name}: ${summary(result)} → ${ok ? 'held' : 'failed'}`,
        )
        if (ok) best.set(target, rate)
        else stillGoing.delete(target)
      }
    }
    for (const target of [...targets, reference]) {
      held.set(target, [...(held.get(target) ?? []), best.get(target) ?? 0])
    }
  }
  for (const target of targets) {
    const row: Row = {
      setting: `(d) saturation of (a): highest rate held in every round`,
      metric: 'edits/s per client (× 50 clients)',
      unit: '',
      ours: Math.min(...(held.get(target) ?? [0])),
      reference: Math.min(...(held.get(reference) ?? [0])),
      target: '≥ 1.5×',
    }
    const ratio = ratioOf(row)
    row.met = ratio !== undefined && ratio >= 1.5
    rows.push(row)
  }
}

/** A 500-clause source typed into, with its two translations open against none, alternately. */
const runLanguageVersions = async () => {
  const three: LanguageVersions[] = []
  const one: LanguageVersions[] = []
  for (let round = 1; round <= rounds; round++) {
    log(`three language versions, round ${round}`)
    three.push(await measureLanguageVersions(true))
    log(`one language version, round ${round}`)
    one.push(await measureLanguageVersions(false))
  }
  for (const r of [...three, ...one]) {
    details.push(
      `${r.versions} language version(s) open: ${r.cpuPerKeystrokeUs.toFixed(0)} µs server CPU per keystroke in the source, RSS ${r.rssMB} MB`,
    )
  }
  const setting =
    '500-clause source typed into; ours: with two translations open (three versions); reference column: the source alone'
  rows.push(
    {
      setting,
      metric: 'server CPU per keystroke',
      unit: 'µs',
      ours: median(three.map((r) => r.cpuPerKeystrokeUs)),
      reference: median(one.map((r) => r.cpuPerKeystrokeUs)),
    },
    {
      setting,
      metric: 'server RSS',
      unit: 'MB',
      ours: median(three.map((r) => r.rssMB)),
      reference: median(one.map((r) => r.rssMB)),
    },
  )
}

/** Setting (a) with and without exports of a 500-clause document, alternately. */
const runExportUnderLoad = async () => {
  const withExports: ExportUnderLoad[] = []
  const without: ExportUnderLoad[] = []
  const seconds = secondsFor(15)
  for (let round = 1; round <= rounds; round++) {
    log(`export of 500 clauses while 50 people type, round ${round}: with exports`)
    withExports.push(await measureExportUnderLoad(true, seconds))
    log(`export of 500 clauses while 50 people type, round ${round}: without`)
    without.push(await measureExportUnderLoad(false, seconds))
  }
  for (const r of [...withExports, ...without]) {
    details.push(
      `export under load, ${r.exports > 0 || r.failedExports > 0 ? `${r.exports} DOCX exports (median ${r.exportMs?.toFixed(0) ?? '–'} ms, ${r.failedExports} failed)` : 'no exports'}: ${summary(r.harness)}`,
    )
  }
  const p99 = (runs: ExportUnderLoad[]) =>
    median(runs.map((r) => r.harness.latencyMs?.p99 ?? Number.NaN))
  const setting =
    '1 document × 50 clients × 2 edits/s, DOCX exports of a 500-clause document throughout'
  const withP99 = p99(withExports)
  const withoutP99 = p99(without)
  rows.push(
    {
      setting,
      metric: 'fan-out p99 with exports',
      unit: 'ms',
      ours: withP99,
      reference: undefined,
    },
    {
      setting,
      metric: 'fan-out p99 without exports',
      unit: 'ms',
      ours: withoutP99,
      reference: undefined,
    },
    {
      setting,
      metric: 'p99 with / without exports',
      unit: '×',
      ours: withP99 / withoutP99,
      reference: undefined,
    },
    {
      setting,
      metric: 'exports completed per run',
      unit: '',
      ours: median(withExports.map((r) => r.exports)),
      reference: undefined,
    },
    {
      setting,
      metric: 'deliveries with exports',
      unit: '%',
      ours: median(withExports.map((r) => (r.harness.edits?.deliveryRatio ?? 0) * 100)),
      reference: undefined,
      target: '100%',
      met: withExports.every((r) => r.harness.edits?.deliveryRatio === 1 && r.harness.pass),
    },
  )
}

/**
 * Setting (a) with 50 readers of a 500-clause consultation page, who reload it unconditionally
 * or revalidating as a browser does (If-None-Match); the same readers of the control (the
 * page's bytes from a trivial HTTP server) while the editors still use Accord; and without
 * readers. Each round one fresh Accord, the runs in turn (reversed every other round), then
 * each server's CPU per page load. With --compare-main, that build's CPU per load too.
 */
const runConsultationUnderLoad = async () => {
  const seconds = secondsFor(15)
  const burst = quick ? 300 : 1000
  // This worktree's build, and another to compare with: each round both, in turn.
  const builds = [
    { label: '', mainScript: undefined as string | undefined, rounds: [] as ConsultationRound[] },
    ...(compareMain
      ? [
          {
            label: ` [${path.relative(REPO_ROOT, compareMain)}]`,
            mainScript: compareMain,
            rounds: [] as ConsultationRound[],
          },
        ]
      : []),
  ]
  for (let round = 1; round <= rounds; round++) {
    const order = round % 2 ? VARIANTS : [...VARIANTS].reverse()
    for (const build of round % 2 ? builds : [...builds].reverse()) {
      log(`consultation page read while 50 people type, round ${round}${build.label}`)
      build.rounds.push(
        await measureConsultationRound({
          order,
          seconds,
          burst,
          mainScript: build.mainScript,
          nodeFlags: cpuProfDir
            ? [
                '--cpu-prof',
                `--cpu-prof-dir=${path.join(cpuProfDir, `consultation${build.label ? '-compared' : ''}`)}`,
              ]
            : undefined,
        }),
      )
    }
  }
  for (const build of builds) consultationRows(build.rounds, build.label)
}

/** The consultation row's figures for one build's rounds (`label` names the build). */
const consultationRows = (rounds_: ConsultationRound[], label: string) => {
  const runs = rounds_.flatMap((r) => r.runs)
  const nameOf = (v: Variant) =>
    v.readers === 'none'
      ? 'no readers'
      : `readers ${v.readers} of ${v.served === 'accord' ? 'Accord' : 'the control'}`
  for (const r of runs) {
    details.push(
      `consultation${label}, ${nameOf(r)}: ${r.pages > 0 || r.failedPages > 0 ? `${r.pages} pages read (${r.notModified} answered 304; p50 ${r.pageMs?.p50.toFixed(0) ?? '–'} ms, p99 ${r.pageMs?.p99.toFixed(0) ?? '–'} ms, ${r.failedPages} failed; readers' CPU ${r.readersCpuS.toFixed(2)} s, control's ${r.controlCpuS.toFixed(2)} s); ` : ''}${summary(r.harness)}`,
    )
  }
  const costLine = (c: PageCost) =>
    `consultation${label}, CPU per load, ${c.mode}, ${c.served}: server ${c.serverUs.toFixed(0)} µs, readers ${c.readersUs.toFixed(0)} µs (${c.requests} loads, ${c.failed} failed)`
  for (const c of rounds_.flatMap((r) => r.costs)) details.push(costLine(c))
  for (const r of rounds_) {
    details.push(
      `consultation${label}, first page ${r.firstPageMs.toFixed(0)} ms (${Math.round(r.pageBytes / 1024)} KB, ${Math.round(r.gzipBytes / 1024)} KB gzipped)`,
    )
  }

  const p99Of = (list: ConsultationRun[]) => list.map((r) => r.harness.latencyMs?.p99 ?? Number.NaN)
  const runsOf = (readers: Readers, served: Served) =>
    runs.filter((r) => r.readers === readers && (readers === 'none' || r.served === served))
  const setting = `1 document × 50 clients × 2 edits/s; ${READERS} readers of a 500-clause consultation page with 500 comments, each reloading it after 1 s (readers in their own process)${label}`
  const without = p99Of(runsOf('none', 'accord'))
  const withoutP99 = median(without)
  const spread = Math.max(...without) / Math.min(...without)
  rows.push(
    {
      setting,
      metric: 'fan-out p99 without readers',
      unit: 'ms',
      ours: withoutP99,
      reference: undefined,
    },
    {
      // The noise the ratios below are read against: the same run without readers, repeated.
      setting,
      metric: 'p99 spread of the runs without readers (max / min)',
      unit: '×',
      ours: spread,
      reference: undefined,
    },
  )
  for (const readers of ['revalidating', 'unconditional'] as const) {
    const how =
      readers === 'unconditional' ? '(unconditional GET)' : '(revalidating, If-None-Match)'
    const ofAccord = runsOf(readers, 'accord')
    const ofControl = runsOf(readers, 'control')
    const accordP99 = median(p99Of(ofAccord))
    const controlP99 = median(p99Of(ofControl))
    const cost = (served: Served) =>
      median(
        rounds_.flatMap((r) =>
          r.costs.filter((c) => c.served === served && c.mode === readers).map((c) => c.serverUs),
        ),
      )
    rows.push(
      {
        setting,
        metric: `fan-out p99, readers of Accord ${how}`,
        unit: 'ms',
        ours: accordP99,
        reference: undefined,
      },
      {
        setting,
        metric: `fan-out p99, readers of the control ${how}`,
        unit: 'ms',
        ours: controlP99,
        reference: undefined,
      },
      {
        setting,
        metric: `p99 readers of the control / no readers ${how} (the machine's share)`,
        unit: '×',
        ours: controlP99 / withoutP99,
        reference: undefined,
      },
      {
        setting,
        metric: `p99 readers of Accord / of the control ${how} (Accord's share)`,
        unit: '×',
        ours: accordP99 / controlP99,
        reference: undefined,
        target: `≤ ${spread.toFixed(2)} (the noise)`,
        met: accordP99 / controlP99 <= spread,
      },
      {
        setting,
        metric: `pages read per run, Accord / control ${how}`,
        unit: '',
        ours: median(ofAccord.map((r) => r.pages)),
        reference: median(ofControl.map((r) => r.pages)),
      },
      {
        setting,
        metric: `page load p99 under load, Accord / control ${how}`,
        unit: 'ms',
        ours: median(ofAccord.map((r) => r.pageMs?.p99 ?? Number.NaN)),
        reference: median(ofControl.map((r) => r.pageMs?.p99 ?? Number.NaN)),
      },
      {
        setting,
        metric: `server CPU per page load, Accord / control ${how}`,
        unit: 'µs',
        ours: cost('accord'),
        reference: cost('control'),
      },
      {
        setting,
        metric: `deliveries with readers of Accord ${how}`,
        unit: '%',
        ours: median(ofAccord.map((r) => (r.harness.edits?.deliveryRatio ?? 0) * 100)),
        reference: undefined,
        target: '100%',
        met: ofAccord.every(
          (r) => r.harness.edits?.deliveryRatio === 1 && r.harness.pass && r.failedPages === 0,
        ),
      },
    )
  }
  rows.push({
    setting,
    metric: 'first page load (HTTP, after opening)',
    unit: 'ms',
    ours: median(rounds_.map((r) => r.firstPageMs)),
    reference: undefined,
    target: '< 200 ms',
    met: rounds_.every((r) => r.firstPageMs < 200),
  })
}

/** The 5,000-clause document: ours and the reference alternately, medians over rounds. */
const runLargeDocument = async (target: Target) => {
  const a: LargeOpen[] = []
  const b: LargeOpen[] = []
  for (let round = 1; round <= (quick ? 1 : rounds); round++) {
    log(`5,000 clauses, round ${round}: ${target.name}`)
    a.push(await measureLargeDocument(target.launch, true))
    log(`5,000 clauses, round ${round}: ${reference.name}`)
    b.push(await measureLargeDocument(reference.launch, false))
  }
  for (const [name, runs] of [
    [target.name, a],
    [reference.name, b],
  ] as const) {
    for (const r of runs) {
      details.push(
        `large document, ${name}: state ${r.stateBytes} B, cold ${r.coldMs?.toFixed(0) ?? '–'} ms, warm ${r.warmMs.toFixed(0)} ms, ${r.cpuPerKeystrokeUs.toFixed(0)} µs CPU per keystroke, RSS ${r.rssMB} MB`,
      )
    }
  }
  const mid = (runs: LargeOpen[], read: (r: LargeOpen) => number) => median(runs.map(read))
  const setting = `5,000 clauses (${((a[0]?.stateBytes ?? 0) / 1024 / 1024).toFixed(1)} MiB state)`
  rows.push(
    {
      setting,
      metric: 'first sync after a restart (from SQLite)',
      unit: 'ms',
      ours: mid(a, (r) => r.coldMs ?? Number.NaN),
      reference: undefined,
    },
    {
      setting,
      metric: 'sync of the open document',
      unit: 'ms',
      ours: mid(a, (r) => r.warmMs),
      reference: mid(b, (r) => r.warmMs),
    },
    {
      setting,
      metric: 'server CPU per keystroke in the last clause',
      unit: 'µs',
      ours: mid(a, (r) => r.cpuPerKeystrokeUs),
      reference: mid(b, (r) => r.cpuPerKeystrokeUs),
    },
    {
      setting,
      metric: 'server RSS with it open',
      unit: 'MB',
      ours: mid(a, (r) => r.rssMB),
      reference: mid(b, (r) => r.rssMB),
    },
  )
}

const main = async () => {
  if (!existsSync(path.join(REPO_ROOT, 'server/dist/main.js'))) {
    throw new Error('server/dist/main.js is missing: run `npm run build` first')
  }
  ensureHarness()
  const startedAt = new Date()
  const machineLine = machine()
  log(machineLine)
  for (const line of unavailable) log(line)
  details.push(...unavailable)
  for (const setting of LOAD_SETTINGS) if (only.has(setting.id)) await runLoadSetting(setting)
  if (only.has('d')) await runSaturation()
  for (const target of oursFor('extras')) {
    if (only.has('cold')) {
      log('cold load of 1 MiB after a restart')
      const cold = await measureColdLoad(target.launch, quick ? 2 : 3)
      details.push(
        `cold load runs (ms): ${cold.runsMs.map((ms) => ms.toFixed(1)).join(', ')}; state ${cold.docBytes} B`,
      )
      rows.push({
        setting: 'cold load of 1 MiB from SQLite after a restart',
        metric: 'ms to first complete sync',
        unit: 'ms',
        ours: cold.medianMs,
        reference: undefined,
        target: '< 150 ms',
        met: cold.medianMs < 150,
      })
    }
    if (only.has('idle')) {
      const count = quick ? 300 : 1000
      const idleMs = 5000
      log(`${count} documents opened once and left idle`)
      const a = await measureIdleRooms(target.launch, count, idleMs)
      const b = await measureIdleRooms(reference.launch, count, idleMs)
      const setting = `${count} documents opened once, idle ${a.idleWaitS} s (IDLE_UNLOAD_MS=${idleMs})`
      rows.push(
        {
          setting,
          metric: 'RSS before opening',
          unit: 'MB',
          ours: a.baselineMB,
          reference: b.baselineMB,
        },
        {
          setting,
          metric: 'RSS peak while opening',
          unit: 'MB',
          ours: a.peakMB,
          reference: b.peakMB,
        },
        {
          setting,
          metric: 'RSS after the idle timeout',
          unit: 'MB',
          ours: a.afterIdleMB,
          reference: b.afterIdleMB,
          target: '≤ baseline + 25%',
          met: a.afterIdleMB <= a.baselineMB * 1.25,
        },
      )
    }
    if (only.has('large')) await runLargeDocument(target)
    if (only.has('export') && target.launch === launchAccord) await runExportUnderLoad()
    if (only.has('languages') && target.launch === launchAccord) await runLanguageVersions()
    if (only.has('consultation') && target.launch === launchAccord) {
      await runConsultationUnderLoad()
    }
    if (only.has('size')) {
      const edits = quick ? 20_000 : 100_000
      log(`${edits} small edits, then the SQLite file size`)
      const size = await measureStorage(target.launch, edits)
      const setting = `SQLite file after ${size.edits} small edits (with compaction)`
      rows.push(
        {
          setting,
          metric: 'encoded document state',
          unit: 'KB',
          ours: size.stateBytes / 1024,
          reference: undefined,
        },
        {
          setting,
          metric: 'SQLite file',
          unit: 'KB',
          ours: size.fileBytes / 1024,
          reference: undefined,
          target: '< 3× state',
          met: size.ratio < 3,
        },
        { setting, metric: 'file / state', unit: '×', ours: size.ratio, reference: undefined },
      )
    }
  }
  const table = textTable(rows)
  process.stdout.write(`\n${table}\n\nmachine: ${machineLine}\n`)
  if (!args['no-record']) {
    const section = resultsSection({
      title: quick ? ' (--quick)' : '',
      startedAt,
      machine: machineLine,
      note: args.note,
      rows,
      details,
    })
    const file = path.join(REPO_ROOT, 'docs/performance.md')
    recordResults(file, section)
    log(`recorded in ${path.relative(process.cwd(), file)}`)
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? err.stack : String(err)}\n`)
  process.exit(1)
})
