/** The comparison table: one row per (setting, metric), printed and written to docs/performance.md. */
import { execSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import os from 'node:os'

export interface Row {
  setting: string
  metric: string
  unit: string
  ours: number | undefined
  reference: number | undefined
  /** e.g. '≤ 1.0×', '≥ 1.5×', '< 150 ms'. */
  target?: string
  /** Whether the target is met; undefined when there is none. */
  met?: boolean
}

const fmt = (v: number | undefined): string => {
  if (v === undefined || Number.isNaN(v)) return '–'
  if (Math.abs(v) >= 100) return v.toFixed(0)
  if (Math.abs(v) >= 10) return v.toFixed(1)
  return v.toFixed(2)
}

export const ratioOf = (row: Row): number | undefined =>
  row.ours !== undefined && row.reference !== undefined && row.reference !== 0
    ? row.ours / row.reference
    : undefined

const cells = (row: Row): string[] => [
  row.setting,
  row.unit ? `${row.metric} (${row.unit})` : row.metric,
  fmt(row.ours),
  fmt(row.reference),
  ratioOf(row) === undefined ? '–' : `${(ratioOf(row) as number).toFixed(2)}×`,
  row.target ?? '',
  row.met === undefined ? '' : row.met ? 'met' : 'MISSED',
]

const HEAD = ['setting', 'metric', 'ours', 'reference', 'ratio', 'target', '']

export const textTable = (rows: readonly Row[]): string => {
  const all = [HEAD, ...rows.map(cells)]
  const widths = HEAD.map((_, i) => Math.max(...all.map((r) => (r[i] as string).length)))
  const line = (r: string[]) =>
    r
      .map((c, i) => c.padEnd(widths[i] as number))
      .join('  ')
      .trimEnd()
  return [
    line(HEAD),
    widths.map((w) => '-'.repeat(w)).join('  '),
    ...rows.map(cells).map(line),
  ].join('\n')
}

export const markdownTable = (rows: readonly Row[]): string =>
  [
    `| ${HEAD.join(' | ')} |`,
    `|${HEAD.map(() => ' --- ').join('|')}|`,
    ...rows.map((r) => `| ${cells(r).join(' | ')} |`),
  ].join('\n')

export const machine = (): string => {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
  let commit = 'unknown'
  try {
    commit = execSync('git rev-parse --short HEAD', { encoding: 'utf8' }).trim()
  } catch {
    // not a git checkout
  }
  const load = os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(' ')
  return `${os.availableParallelism()} cores (nproc), ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}, ${os.platform()} ${os.release()}; commit ${commit}; load average at start ${load}`
}

const MARKER = '<!-- bench results, newest first: npm run bench inserts a section below -->'

/** One run's section: heading with the time, the machine, the note, the table, every run. */
export const resultsSection = (run: {
  title: string
  startedAt: Date
  machine: string
  note?: string
  rows: readonly Row[]
  details: readonly string[]
}): string =>
  [
    `## ${run.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC${run.title}`,
    '',
    `Machine: ${run.machine}.`,
    ...(run.note ? ['', `Note: ${run.note}`] : []),
    '',
    markdownTable(run.rows),
    '',
    '<details><summary>Every run</summary>',
    '',
    ...run.details.map((d) => `- ${d}`),
    '',
    '</details>',
  ].join('\n')

/** Inserts a dated section below the marker, keeping every earlier section. */
export const recordResults = (file: string, section: string): void => {
  const text = existsSync(file) ? readFileSync(file, 'utf8') : `# Performance\n\n${MARKER}\n`
  const at = text.indexOf(MARKER)
  const updated =
    at < 0
      ? `${text.trimEnd()}\n\n${MARKER}\n\n${section}\n`
      : `${text.slice(0, at + MARKER.length)}\n\n${section.trimEnd()}\n${text.slice(at + MARKER.length)}`
  writeFileSync(file, updated)
}
