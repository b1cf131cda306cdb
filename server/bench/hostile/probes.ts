/**
 * What everyone else feels while one client misbehaves: a bystander editing another document
 * (its round trip: a sync step 1 and the server's answer), `/api/health`, and the server
 * process's CPU time and resident memory, sampled every PROBE_MS while a case runs.
 */
import { readFileSync } from 'node:fs'
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

/** Starts probing; `bystanderRoom` is a document nobody else touches. */
export const startProbes = async (
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
