import type { Compilation } from '@accord/protocol'
import { summarise } from '../documents/disposition/summarise.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { readPublicConsultation } from './readPublicConsultation.js'

/**
 * The public report of a consultation as a compilation of comments: every published
 * comment in clause order with its decision and reason; names only with consent, never an
 * address. The same shape as the group's compilation, so the same CSV writer serves it.
 */
export const publicReport = async (
  ctx: ConsultationsContext,
  slug: string,
): Promise<{ compilation: Compilation; fileName: string }> => {
  const view = await readPublicConsultation(ctx, slug)
  const order = new Map(view.text.clauses.map((c, i) => [c.id, i]))
  const rows = view.published
    .map((c) => ({
      source: 'public' as const,
      id: c.id,
      clauseId: c.clauseId,
      clauseNumber: view.text.numberOf.get(c.clauseId) ?? null,
      paragraph: '',
      author: c.name ?? '',
      organization: c.organization ?? '',
      type: c.type,
      comment: c.body,
      proposedChange: c.proposedChange ?? '',
      // A public comment is on a clause, not on quoted words: nothing to redline against.
      redline: null,
      decision: c.decision,
      reason: c.reason,
      at: c.createdAt,
    }))
    .sort(
      (a, b) =>
        (order.get(a.clauseId) ?? Number.MAX_SAFE_INTEGER) -
          (order.get(b.clauseId) ?? Number.MAX_SAFE_INTEGER) || a.at.localeCompare(b.at),
    )
  const compiled = rows.map(({ at: _at, ...row }) => row)
  return {
    compilation: {
      document: { id: view.slug, title: view.documentTitle },
      generatedAt: new Date(ctx.clock.now()).toISOString(),
      rows: compiled,
      summary: summarise(compiled),
      // Review rounds are the group's; the public report has none.
      rounds: [],
    },
    fileName: `${view.slug}-report`,
  }
}
