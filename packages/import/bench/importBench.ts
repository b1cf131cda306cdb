/**
 * `npm run bench:import`: imports a 200-page Word draft (1,000 articles, 100 comments, 300
 * tracked changes, written with the `docx` package) several times and prints the time and
 * the memory it takes. The target: under 3 s, memory bounded. Not part of `npm test`.
 */
import { importFile } from '../src/importFile.js'
import { longWordDraft } from './longWordDraft.js'

const RUNS = 5
const mib = (bytes: number) => (bytes / (1024 * 1024)).toFixed(1)

const file = await longWordDraft({ clauses: 1000, comments: 100, changes: 300 })
const times: number[] = []
let peakRss = process.memoryUsage().rss
const baseRss = peakRss
let report: ReturnType<typeof importFile>['report'] | undefined
for (let run = 0; run < RUNS; run++) {
  const started = performance.now()
  const result = importFile('long.docx', file)
  peakRss = Math.max(peakRss, process.memoryUsage().rss)
  times.push(performance.now() - started)
  report = result.report
}
times.sort((a, b) => a - b)
process.stdout.write(
  `${JSON.stringify(
    {
      file: `${(file.length / 1024).toFixed(0)} KiB .docx`,
      report: report && { ...report, warnings: report.warnings.map((w) => w.code) },
      runs: RUNS,
      medianMs: Math.round(times[Math.floor(RUNS / 2)] ?? 0),
      slowestMs: Math.round(times[RUNS - 1] ?? 0),
      rssBeforeMiB: mib(baseRss),
      rssAfterMiB: mib(peakRss),
    },
    null,
    2,
  )}\n`,
)
