/**
 * What the bench runs, as tables: the servers compared and the load settings. Adding a
 * server (say, two Accord instances on PostgreSQL + Redis) is one more TARGETS row with its
 * launcher and env; adding a load is one more LOAD_SETTINGS row.
 */
import type { HarnessResult } from './harness.js'
import { accordPairUnavailable, launchAccordPair } from './launchAccordPair.js'
import { type Launcher, launchAccord, launchReference } from './launchers.js'

export interface Target {
  /** Short name used in the table. */
  name: string
  /** `ours` rows are compared against the `reference` row. */
  role: 'ours' | 'reference'
  launch: Launcher
  /** Env added to every launch of this target. */
  env?: Record<string, string>
  /** The settings it runs, by id ('a', 'b', 'c', 'd', 'extras' for cold/idle/size); default all. */
  settings?: readonly string[]
  /** Why it cannot run on this machine (the table says so), or undefined. */
  unavailable?: () => string | undefined
}

/**
 * BENCH_BASELINE_MAIN=/path/to/server/dist/main.js adds an older Accord build as one more row
 * (settings a and b), run in the same A B A B rounds, to measure a change against what it
 * replaced on the same machine at the same time. BENCH_BASELINE_NODE_FLAGS (space-separated,
 * may be empty) starts it with those node flags instead of production's, e.g. this build
 * without them.
 */
const baselineMain = process.env.BENCH_BASELINE_MAIN
const baselineFlags = process.env.BENCH_BASELINE_NODE_FLAGS?.split(' ').filter(Boolean)
const baseline: Target[] = baselineMain
  ? [
      {
        name: 'accord, baseline build',
        role: 'ours',
        launch: (options) =>
          launchAccord({ ...options, mainScript: baselineMain, productionFlags: baselineFlags }),
        settings: ['a', 'b'],
      },
    ]
  : []

export const TARGETS: readonly Target[] = [
  { name: 'accord (SQLite)', role: 'ours', launch: launchAccord },
  ...baseline,
  {
    // Clients of each document split across two instances; CPU and RSS are one instance's.
    name: 'accord ×2 (PostgreSQL + Redis)',
    role: 'ours',
    launch: launchAccordPair,
    settings: ['a'],
    unavailable: accordPairUnavailable,
  },
  { name: '@y/websocket-server 0.1.1', role: 'reference', launch: launchReference },
]

export interface LoadSetting {
  id: string
  title: string
  docs: number
  clients: number
  /** Edits per second per client. */
  rate: number
  /** Editing seconds (full run; --quick divides). */
  seconds: number
  sizeKb?: number
  probes?: number
  /** The figures this setting reports, from one harness result. */
  metrics: readonly MetricSpec[]
}

export interface MetricSpec {
  name: string
  unit: string
  /** Lower is better for every metric here except where `higherIsBetter`. */
  higherIsBetter?: boolean
  /** Target on ours/reference, e.g. 1.0 means "≤ 1.0×" (or "≥" when higherIsBetter). */
  targetRatio?: number
  read(result: HarnessResult): number | undefined
}

const cpuPerDelivery: MetricSpec = {
  name: 'server CPU per delivered update',
  unit: 'µs',
  targetRatio: 1,
  read: (r) =>
    r.server?.cpuEditS != null && r.edits?.delivered
      ? (r.server.cpuEditS / r.edits.delivered) * 1e6
      : undefined,
}

const fanOut: MetricSpec[] = [
  { name: 'fan-out p50', unit: 'ms', read: (r) => r.latencyMs?.p50 },
  { name: 'fan-out p99', unit: 'ms', targetRatio: 1, read: (r) => r.latencyMs?.p99 },
  cpuPerDelivery,
  {
    name: 'deliveries',
    unit: '%',
    higherIsBetter: true,
    read: (r) => (r.edits ? r.edits.deliveryRatio * 100 : undefined),
  },
  {
    name: 'convergence (1 = PASS)',
    unit: '',
    higherIsBetter: true,
    read: (r) => (r.convergence ? (r.convergence.pass ? 1 : 0) : 0),
  },
  { name: 'server peak RSS', unit: 'MB', read: (r) => r.server?.rssPeakMB },
]

export const LOAD_SETTINGS: readonly LoadSetting[] = [
  {
    id: 'a',
    title: '1 document × 50 clients × 2 edits/s',
    docs: 1,
    clients: 50,
    rate: 2,
    seconds: 15,
    metrics: fanOut,
  },
  {
    id: 'b',
    title: '50 documents × 4 clients × 1 edit/s',
    docs: 50,
    clients: 4,
    rate: 1,
    seconds: 15,
    metrics: fanOut,
  },
  {
    id: 'c',
    title: 'initial sync of a 1 MiB document',
    docs: 1,
    clients: 4,
    rate: 1,
    seconds: 2,
    sizeKb: 1024,
    probes: 5,
    metrics: [
      {
        name: 'initial sync p50 (sequential joins)',
        unit: 'ms',
        targetRatio: 1,
        read: (r) => r.probes?.syncMs?.p50,
      },
      {
        name: 'initial sync p50 (4 joining at once)',
        unit: 'ms',
        read: (r) => r.connect?.syncMs?.p50,
      },
      {
        name: 'clients with the whole document',
        unit: '%',
        higherIsBetter: true,
        read: (r) => (r.pass ? 100 : 0),
      },
    ],
  },
]

/** (d): the rate of (a) is raised step by step until a step fails; edits/s per client. */
export const SATURATION = {
  base: 'a',
  rates: [2, 4, 6, 8, 12, 16, 24, 32, 48],
  /** Editing seconds per step (full run). */
  seconds: 8,
  maxP99Ms: 50,
} as const

/** A step holds when p99 fan-out stays within the bound, every update arrives and all converge. */
export const stepHeld = (r: HarnessResult): boolean =>
  r.latencyMs != null &&
  r.latencyMs.p99 <= SATURATION.maxP99Ms &&
  r.edits !== undefined &&
  r.edits.deliveryRatio >= 1 &&
  r.convergence?.pass === true
