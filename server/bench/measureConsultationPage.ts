/**
 * `npx tsx server/bench/measureConsultationPage.ts [clauses] [comments]`: how long the public
 * consultation page takes to render server-side for a long version (default 500 clauses with
 * 500 published comments): the render the server does unseen when the consultation opens
 * (which reads the version into the export model and renders its text, both then kept), the
 * first reader's and the next ones. The target is under 200 ms for every reader. The
 * database reads are not in these figures (the consultation-page row of `npm run bench`
 * measures the page over HTTP). Not part of `npm test`.
 */

import { performance } from 'node:perf_hooks'
import { exportModel } from '@accord/export'
import { renderConsultationPage } from '../src/consultations/page/renderConsultationPage.js'
import type { PublicConsultation } from '../src/consultations/readPublicConsultation.js'
import { shortClauses } from '../test/utils/longDocument.js'

const clauseCount = Number(process.argv[2] ?? 500)
const commentCount = Number(process.argv[3] ?? 500)

const content = shortClauses(clauseCount)
const settings = { language: 'ru', clauseLabel: 'article' } as const
let model: ReturnType<typeof exportModel> | undefined
const view: PublicConsultation = {
  slug: 'bench',
  url: 'http://127.0.0.1/consultations/bench',
  documentTitle: 'Bench',
  introduction: 'Вступление. '.repeat(40),
  opensAt: new Date(Date.now() - 86_400_000),
  closesAt: new Date(Date.now() + 86_400_000),
  state: 'open',
  retentionDays: 180,
  text: {
    name: 'Проект',
    settings,
    clauses: Array.from({ length: clauseCount }, (_, i) => ({ id: `c${i}`, number: `${i + 1}` })),
    numberOf: new Map(Array.from({ length: clauseCount }, (_, i) => [`c${i}`, `${i + 1}`])),
    model: (documentId, title) => {
      model ??= exportModel(content, { documentId, title, ...settings, date: new Date() })
      return model
    },
  },
  published: Array.from({ length: commentCount }, (_, i) => ({
    id: `p${i}`,
    clauseId: `c${i % clauseCount}`,
    name: i % 2 ? `Участник ${i}` : null,
    organization: null,
    type: 'technical' as const,
    body: `Замечание ${i}: ${'слишком узкая формулировка, '.repeat(5)}`,
    proposedChange: `Предлагаемая формулировка ${i}`,
    createdAt: new Date().toISOString(),
    decision: i % 3 ? ('accepted' as const) : null,
    reason: 'Учтено',
  })),
}

let change = 0
/** A render of the page with one decision changed, so the kept page cannot be given instead. */
const time = (changed = true) => {
  const published = changed
    ? view.published.map((c, i) => (i === 0 ? { ...c, reason: `Учтено ${++change}` } : c))
    : view.published
  const started = performance.now()
  const html = renderConsultationPage({ ...view, published }, 'ru')
  return { ms: performance.now() - started, bytes: Buffer.byteLength(html) }
}
// What the server does when the consultation opens (and, for those not yet closed, at start):
// one render nobody reads, which parses the version, renders its text and warms the JIT.
const prepared = time()
const first = time()
const next = Array.from({ length: 9 }, () => time()).sort((a, b) => a.ms - b.ms)
const median = next[4] ?? first
const same = Array.from({ length: 9 }, () => time(false)).sort((a, b) => a.ms - b.ms)
process.stdout.write(
  `Public page of ${clauseCount} clauses with ${commentCount} published comments\n` +
    `prepared when the consultation opens: ${Math.round(prepared.ms)} ms; first reader after a change: ${Math.round(first.ms)} ms; ` +
    `next after a change: ${Math.round(median.ms)} ms (median of 9); unchanged (the kept page): ${(same[4]?.ms ?? 0).toFixed(1)} ms; ` +
    `${Math.round(median.bytes / 1024)} KB of HTML\n`,
)
