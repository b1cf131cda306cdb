import { readdirSync, readFileSync } from 'node:fs'

/** Resident set size of a process in MB, from /proc (Linux only). */
export const rssMB = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN')
  return Math.round((kb / 1024) * 10) / 10
}

/**
 * CPU seconds a process has used so far, all threads (user + system, from /proc; Linux only).
 * `PID/task/TID` reads one thread.
 */
export const cpuSeconds = (pid: number | string): number => {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
  // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticksPerSecond = 100
  return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** CPU seconds per thread of a process so far (Linux only), keyed by thread id. */
export const threadCpuSeconds = (pid: number): Map<number, number> => {
  const threads = new Map<number, number>()
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      threads.set(Number(tid), cpuSeconds(`${pid}/task/${tid}`))
    } catch {
      // The thread ended between listing and reading.
    }
  }
  return threads
}

/**
 * How the CPU a process used between two `threadCpuSeconds` readings splits between its main
 * (JavaScript) thread and the others: V8's helpers (parallel scavenges, concurrent marking,
 * compilation, the profiler's sampler under --cpu-prof) and libuv's pool (SQLite's statements,
 * scrypt, file reads). Node 20 names none of them, so they are not told apart.
 */
export const threadSplit = (
  pid: number,
  before: Map<number, number>,
  after: Map<number, number>,
): { main: number; others: number } => {
  const split = { main: 0, others: 0 }
  for (const [tid, seconds] of after) {
    split[tid === pid ? 'main' : 'others'] += seconds - (before.get(tid) ?? 0)
  }
  return split
}
