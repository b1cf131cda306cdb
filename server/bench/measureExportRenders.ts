/**
 * How long each export format takes to render a long text, and whether that time grows with
 * the text in proportion: the export worker's own function (`@accord/export/worker`) run in
 * this process on the bench's clause document (a heading and four paragraphs a clause), each
 * format a few times after a warm-up; median ms per export. No server: this is the worker's
 * share of an export, which the worker pool runs off the main thread. Not part of `npm test`.
 * From the repository root (`npm run build` first):
 *   npx tsx server/bench/measureExportRenders.ts [--clauses 500,2000] [--runs 3] [--formats md,docx]
 */
import { parseArgs } from 'node:util'
import { EXPORT_FORMATS, type ExportFormat, type ExportTask } from '@accord/export'
import render from '@accord/export/worker'
import { DEFAULT_SETTINGS } from '@accord/schema'
import { clauseDocument } from './measureLargeDocument.js'
import { median } from './procStats.js'

const { values: args } = parseArgs({
  options: {
    clauses: { type: 'string', default: '500,2000' },
    runs: { type: 'string', default: '3' },
    formats: { type: 'string', default: EXPORT_FORMATS.join(',') },
  },
})
const sizes = args.clauses.split(',').map(Number)
const formats = args.formats.split(',') as ExportFormat[]
const runs = Number(args.runs)

/** Median ms of `runs` renders of `task`, after one to warm up. */
const timed = async (task: ExportTask): Promise<number> => {
  const times: number[] = []
  for (let i = 0; i <= runs; i++) {
    const started = performance.now()
    const result = await render(task)
    if ('error' in result) throw new Error(`${task.format}: ${result.error}`)
    if (i > 0) times.push(performance.now() - started)
  }
  return median(times)
}

const rows: string[] = [
  `| format | ${sizes.map((n) => `${n} clauses (ms)`).join(' | ')} | ms per clause |`,
]
rows.push(`| --- | ${sizes.map(() => '---').join(' | ')} | --- |`)
const documents = sizes.map((n) => clauseDocument(n))
for (const format of formats) {
  const ms: number[] = []
  for (const content of documents) {
    ms.push(
      await timed({
        format,
        content,
        meta: { documentId: 'bench', title: 'Bench', ...DEFAULT_SETTINGS, date: new Date() },
      }),
    )
  }
  const perClause = ms.map((t, i) => (t / (sizes[i] ?? 1)).toFixed(2)).join(' → ')
  rows.push(`| ${format} | ${ms.map((t) => t.toFixed(0)).join(' | ')} | ${perClause} |`)
  process.stderr.write(`[bench] ${format} done\n`)
}
process.stdout.write(`${rows.join('\n')}\n`)
