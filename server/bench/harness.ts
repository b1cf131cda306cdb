/**
 * Runs the shared load harness (../shared/bench/collab-load.mjs, or BENCH_HARNESS_DIR) and
 * returns its JSON report. The harness speaks plain y-websocket; we hand it prepared rooms,
 * upgrade headers and the server's pid.
 */
import { spawn, spawnSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import path from 'node:path'
import { REPO_ROOT } from './launchers.js'

export const HARNESS_DIR = path.resolve(
  process.env.BENCH_HARNESS_DIR ?? path.join(REPO_ROOT, '../shared/bench'),
)

/** The part of the harness's JSON report the bench reads. */
export interface HarnessResult {
  pass: boolean
  exitCode: number
  problems: string[]
  connect?: { connected: number; expected: number; syncMs: Percentiles | null }
  probes?: { syncMs: Percentiles | null; failed: number }
  largeDoc?: { docBytes: number }
  edits?: { sent: number; delivered: number; expectedDeliveries: number; deliveryRatio: number }
  latencyMs?: Percentiles | null
  throughput?: { deliveriesPerSec: number; editsPerSec: number }
  server?: { rssPeakMB: number; rssEndMB: number; cpuS: number; cpuEditS: number | null } | null
  harness?: { cpuS: number }
  convergence?: { pass: boolean }
}

export interface Percentiles {
  p50: number
  p95: number
  p99: number
  max: number
  n: number
}

/** Installs the harness's pinned dependencies once, if a fresh clone lacks them. */
export const ensureHarness = (): void => {
  const script = path.join(HARNESS_DIR, 'collab-load.mjs')
  if (!existsSync(script)) throw new Error(`load harness not found at ${script}`)
  if (existsSync(path.join(HARNESS_DIR, 'node_modules/yjs'))) return
  process.stderr.write(`installing the harness's pinned dependencies in ${HARNESS_DIR}\n`)
  const npm = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], {
    cwd: HARNESS_DIR,
    stdio: 'inherit',
  })
  if (npm.status !== 0) throw new Error('npm ci in the harness directory failed')
}

export interface HarnessRun {
  wsUrl: string
  rooms: string[]
  headers: string[]
  pid: number
  clients: number
  rate: number
  seconds: number
  sizeKb?: number
  probes?: number
}

/**
 * The harness's command line. Every value is joined to its option (`--rooms=…`): room ids are
 * base64url and one in 64 starts with `-`, which `parseArgs` refuses as a separate argument
 * (the harness then exits 64, a usage error, in whichever round drew such an id).
 */
export const harnessArgs = (run: HarnessRun): string[] => {
  const args = [
    path.join(HARNESS_DIR, 'collab-load.mjs'),
    `--url=${run.wsUrl}`,
    `--rooms=${run.rooms.join(',')}`,
    `--clients=${run.clients}`,
    `--rate=${run.rate}`,
    `--seconds=${run.seconds}`,
    `--pid=${run.pid}`,
    '--drain=5',
    '--quiet=0.5',
    '--json',
  ]
  for (const header of run.headers) args.push(`--header=${header}`)
  if (run.sizeKb) args.push(`--size-kb=${run.sizeKb}`)
  if (run.probes !== undefined) args.push(`--probes=${run.probes}`)
  return args
}

/** One harness run; resolves with its report even when the run failed (pass: false). */
export const runHarness = (run: HarnessRun): Promise<HarnessResult> => {
  const args = harnessArgs(run)
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString()
    })
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString()
    })
    child.on('error', reject)
    child.on('close', (code) => {
      const last = stdout.trim().split('\n').at(-1) ?? ''
      try {
        resolve(JSON.parse(last) as HarnessResult)
      } catch {
        reject(new Error(`harness exited ${code} without JSON:\n${stderr.slice(-2000)}`))
      }
    })
  })
}

/** Setting (a)'s typing, 50 people at 2 edits/s in one room, beside something else measured. */
export const fiftyTypists = (
  server: { wsUrl: string; pid: number },
  room: string,
  headers: string[],
  seconds: number,
): Promise<HarnessResult> =>
  runHarness({
    wsUrl: server.wsUrl,
    rooms: [room],
    headers,
    pid: server.pid,
    clients: 50,
    rate: 2,
    seconds,
  })
