import { readFileSync } from 'node:fs'

/** Resident set size of a process in MB, from /proc (Linux only). */
export const rssMB = (pid: number): number => {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 'NaN')
  return Math.round((kb / 1024) * 10) / 10
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
