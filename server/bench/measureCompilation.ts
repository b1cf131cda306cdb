/**
 * `npx tsx server/bench/measureCompilation.ts [comments] [clauses]`: how long the compilation of
 * comments takes for a document with many comments (default 2,000 on 200 clauses), as JSON,
 * DOCX, XLSX and CSV, through the same operation the route calls. The target is under 2 s
 * for each format. Not part of `npm test`.
 */

import { performance } from 'node:perf_hooks'
import { clauseAnchor } from '../src/documents/disposition/clauseAnchor.js'
import { documentsHarness } from '../test/utils/documentsHarness.js'
import { writeBody } from '../test/utils/editAs.js'
import { shortClauses } from '../test/utils/longDocument.js'

const comments = Number(process.argv[2] ?? 2000)
const clauseCount = Number(process.argv[3] ?? 200)

const body = shortClauses(clauseCount)

const h = await documentsHarness()
try {
  const { coordinator, member } = h.people
  const doc = await h.documents.create(member, { title: 'Bench', language: 'ru' })
  const anchors = await h.registry.read(doc.id, (live) => {
    writeBody(live.doc, body)
    return Array.from({ length: clauseCount }, (_, i) => clauseAnchor(live.doc, `c${i}`))
  })
  for (let i = 0; i < comments; i++) {
    const clause = i % clauseCount
    const thread = await h.ctx.comments.create({
      documentId: doc.id,
      userId: member.id,
      body: `Замечание ${i}: ${'слишком длинная формулировка, '.repeat(5)}`,
      quote: anchors[clause]?.quote ?? '',
      anchor: anchors[clause]?.anchor ?? { start: '', end: '' },
      clauseId: `c${clause}`,
      type: (['general', 'technical', 'editorial'] as const)[i % 3] ?? 'general',
      proposedChange: `Предлагаемая формулировка ${i}`,
    })
    if (i % 2 === 0)
      await h.ctx.comments.setDisposition(
        thread.id,
        { decision: 'accepted', reason: 'Учтено в редакции 2' },
        coordinator.id,
      )
  }
  const figures: string[] = []
  for (const format of ['json', 'docx', 'xlsx', 'csv'] as const) {
    // One warm-up, then the median of three.
    await h.documents.exportCompilation(member, doc.id, { format })
    const times: number[] = []
    let size = 0
    for (let run = 0; run < 3; run++) {
      const started = performance.now()
      const answer = await h.documents.exportCompilation(member, doc.id, { format })
      times.push(performance.now() - started)
      size =
        answer.kind === 'file' ? answer.bytes.byteLength : JSON.stringify(answer.compilation).length
    }
    times.sort((a, b) => a - b)
    figures.push(
      `${format}: ${Math.round(times[1] ?? 0)} ms (median of 3), ${Math.round(size / 1024)} KB`,
    )
  }
  process.stdout.write(
    `Compilation of ${comments} comments on ${clauseCount} clauses\n${figures.join('\n')}\n`,
  )
} finally {
  await h.close()
}
