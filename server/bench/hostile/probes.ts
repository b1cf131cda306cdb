/**
 * What everyone else feels while one client misbehaves: a bystander editing another document
 * (its round trip: a sync step 1 and the server's answer), `/api/health`, and the server
 * process's CPU time and resident memory, sampled every PROBE_MS while a case runs. The
 * probes run in a process of their own, so the misbehaving client's own work (thousands of
 * Yjs transactions in the bench process) does not show up as the server's latency.
 */
import { fork } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { connectClient } from '../benchClient.js'
import { median, rssMB, sleep } from '../procStats.js'

const PROBE_MS = 100
/** Linux reports CPU times in clock ticks of 1/100 s. */
const TICK_MS = 10

/** User plus system CPU time of a process so far, in ms. */
export const cpuMs = (pid: number): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // The command name may hold spaces; the fields after it are space-separated.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  return (Number(fields[11]) + Number(fields[12])) * TICK_MS
}

export interface ProbeFigures {
  /** The bystander's round trips while the case ran (ms): median and worst. */
  bystanderMedianMs: number
  bystanderMaxMs: number
  healthMedianMs: number
  healthMaxMs: number
  /** Server CPU time spent while the case ran (ms). */
  serverCpuMs: number
  /** Largest resident set seen minus the one before the case (MiB). */
  rssGrowthMiB: number
}

export interface Probes {
  stop(): Promise<ProbeFigures>
}

interface ProbeTarget {
  pid: number
  url: string
  wsUrl: string
}

/** Starts probing in a child process; `bystanderRoom` is a document nobody else touches. */
export const startProbes = async (
  server: ProbeTarget,
  bystanderRoom: string,
  headers: Record<string, string>,
): Promise<Probes> => {
  const child = fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'] })
  const next = () => new Promise<unknown>((resolve) => child.once('message', resolve))
  child.send({ server, bystanderRoom, headers })
  await next()
  return {
    async stop() {
      child.send('stop')
      const figures = (await next()) as ProbeFigures
      child.disconnect()
      return figures
    },
  }
}

/** The probes themselves, in this process. */
const probeHere = async (
  server: { pid: number; url: string; wsUrl: string },
  bystanderRoom: string,
  headers: Record<string, string>,
): Promise<Probes> => {
  const bystander = await connectClient(`${server.wsUrl}/${bystanderRoom}`, headers)
  const rssBefore = rssMB(server.pid)
  const cpuBefore = cpuMs(server.pid)
  let rssPeak = rssBefore
  const trips: number[] = []
  const health: number[] = []
  let running = true

  const timeOne = async (work: () => Promise<unknown>, into: number[]) => {
    const started = performance.now()
    await work()
    into.push(performance.now() - started)
  }
  const loop = async (step: () => Promise<void>) => {
    while (running) {
      const started = performance.now()
      await step()
      await sleep(Math.max(0, PROBE_MS - (performance.now() - started)))
    }
  }
  const loops = [
    loop(() => timeOne(() => bystander.roundTrip(), trips)),
    loop(() => timeOne(() => fetch(`${server.url}/api/health`).then((r) => r.text()), health)),
    loop(async () => {
      rssPeak = Math.max(rssPeak, rssMB(server.pid))
    }),
  ]

  return {
    async stop() {
      running = false
      await Promise.all(loops)
      await bystander.close()
      const round = (n: number) => Math.round(n)
      return {
        bystanderMedianMs: round(median(trips)),
        bystanderMaxMs: round(Math.max(...trips)),
        healthMedianMs: round(median(health)),
        healthMaxMs: round(Math.max(...health)),
        serverCpuMs: cpuMs(server.pid) - cpuBefore,
        rssGrowthMiB: Math.round((rssPeak - rssBefore) * 10) / 10,
      }
    },
  }
}

// Run as the probing child: start on the first message, report and stop on 'stop'.
if (process.send && process.argv[1] === fileURLToPath(import.meta.url)) {
  process.once('message', async (message) => {
    const { server, bystanderRoom, headers } = message as {
      server: ProbeTarget
      bystanderRoom: string
      headers: Record<string, string>
    }
    const probes = await probeHere(server, bystanderRoom, headers)
    process.send?.('started')
    process.once('message', async () => process.send?.(await probes.stop()))
  })
}
