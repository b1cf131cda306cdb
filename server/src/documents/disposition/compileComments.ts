import { proposedChangeRedline } from '@accord/diff'
import { type Compilation, type CompilationRow, LANGUAGES, type Language } from '@accord/protocol'
import { listSuggestions, numberedClauses, readSettings } from '@accord/schema'
import { notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { bodyOf } from '../suggestions/applyDecisions.js'
import { type RoundPeriod, roundPeriod } from './roundPeriod.js'
import { summarise, summariseRounds } from './summarise.js'

/** A compilation and the language its file headings default to (the document's). */
export interface CompiledComments {
  compilation: Compilation
  language: Language
}

/**
 * The compilation of comments of a document (every role may read it): every comment thread
 * and every suggestion (in the text, or decided and kept on record), and the published
 * comments of its public consultations, with author, organization, clause, type, comment,
 * proposed change and decision, in clause order. Comments outside any clause (general ones)
 * come first; comments on clauses no longer in the text come last. With `consultationId`:
 * that consultation's public comments only; with `roundId`: the comments and suggestions made
 * during that review round (see RoundPeriod). Decisions are summed per clause and per round.
 */
export const compileComments = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
  { consultationId, roundId }: { consultationId?: string; roundId?: string } = {},
): Promise<CompiledComments> => {
  const doc = await documentOf(ctx, documentId)
  const { clauses, suggestions, language, textLanguage } = await ctx.live.read(
    doc.id,
    ({ doc: ydoc }) => {
      const body = bodyOf(ydoc)
      return {
        clauses: numberedClauses(body).map((c) => ({
          id: String(c.node.attrs.id ?? ''),
          number: c.number,
        })),
        suggestions: listSuggestions(body),
        // The template's headings exist in Russian and English; a text in another language
        // (a translation) gets the English ones.
        language: headingLanguage(readSettings(ydoc).language),
        textLanguage: readSettings(ydoc).language,
      }
    },
  )
  const onlyPublic = consultationId !== undefined
  if (onlyPublic && (await ctx.consultations.get(consultationId))?.documentId !== doc.id) {
    throw notFound('Unknown consultation of this document')
  }
  const periods = onlyPublic ? [] : await roundPeriods(ctx, doc.id, roundId)
  const [threads, decided, people, published] = await Promise.all([
    onlyPublic ? [] : ctx.comments.list(doc.id),
    onlyPublic ? [] : ctx.suggestionDispositions.list(doc.id),
    ctx.users.list(),
    ctx.publicComments.publishedOfDocument(doc.id),
  ])
  const publicComments = onlyPublic
    ? published.filter((c) => c.consultationId === consultationId)
    : published
  const organizationOf = new Map(people.map((p) => [p.id, p.organization ?? '']))
  const nameOf = new Map(people.map((p) => [p.id, p.name]))
  const numberOf = new Map(clauses.map((c) => [c.id, c.number]))
  const clauseOf = (clauseId: string | null) => ({
    clauseId,
    clauseNumber: clauseId ? (numberOf.get(clauseId) ?? null) : null,
  })

  const rows: (CompilationRow & { at: string })[] = []
  for (const thread of threads) {
    const first = thread.messages[0]
    rows.push({
      source: 'comment',
      id: thread.id,
      ...clauseOf(thread.clauseId),
      paragraph: thread.quote,
      author: thread.submittedBy?.name ?? first?.author.name ?? nameOf.get(thread.createdBy) ?? '',
      organization: thread.submittedBy
        ? (thread.submittedBy.organization ?? '')
        : (organizationOf.get(thread.createdBy) ?? ''),
      type: thread.type,
      // Replies are the discussion; the comment is what its author first wrote.
      comment: first?.body ?? '',
      proposedChange: thread.proposedChange ?? '',
      // A proposed change for quoted words replaces them: shown as a redline against them.
      redline: proposedChangeRedline(thread.quote, thread.proposedChange, textLanguage),
      decision: thread.disposition?.decision ?? null,
      reason: thread.disposition?.reason ?? '',
      at: thread.createdAt,
    })
  }
  for (const c of publicComments) {
    rows.push({
      source: 'public',
      id: c.id,
      ...clauseOf(c.clauseId),
      paragraph: '',
      // The name and organization only with the person's consent; never the address.
      author: c.publishName ? c.name : '',
      organization: c.publishName ? (c.organization ?? '') : '',
      type: c.type,
      comment: c.body,
      proposedChange: c.proposedChange ?? '',
      redline: null,
      decision: c.disposition?.decision ?? null,
      reason: c.disposition?.reason ?? '',
      at: c.createdAt,
    })
  }
  const decidedById = new Map(decided.map((d) => [d.suggestionId, d]))
  const inText = new Set<string>()
  for (const s of suggestions) {
    inText.add(s.id)
    const disposition = decidedById.get(s.id)
    rows.push({
      source: 'suggestion',
      id: s.id,
      ...clauseOf(s.clauseId),
      paragraph: s.deleted,
      author: s.authorName,
      organization: organizationOf.get(s.authorId) ?? '',
      type: null,
      comment: '',
      proposedChange: s.inserted,
      redline: null,
      decision: disposition?.decision ?? null,
      reason: disposition?.reason ?? '',
      at: s.at,
    })
  }
  for (const d of decided) {
    if (inText.has(d.suggestionId)) continue
    rows.push({
      source: 'suggestion',
      id: d.suggestionId,
      ...clauseOf(d.suggestion.clauseId),
      paragraph: d.suggestion.deleted,
      author: d.suggestion.authorName,
      organization: organizationOf.get(d.suggestion.authorId) ?? '',
      type: null,
      comment: '',
      proposedChange: d.suggestion.inserted,
      redline: null,
      decision: d.decision,
      reason: d.reason,
      at: d.suggestion.at,
    })
  }

  const orderOf = new Map(clauses.map((c, i) => [c.id, i]))
  const rank = (row: CompilationRow) =>
    row.clauseId === null ? -1 : (orderOf.get(row.clauseId) ?? Number.MAX_SAFE_INTEGER)
  // Within a clause: members' comments, the public's, then suggestions, each in the order made.
  const SOURCE_RANK = { comment: 0, public: 1, suggestion: 2 } as const
  const sourceRank = (row: CompilationRow) => SOURCE_RANK[row.source]
  rows.sort(
    (a, b) => rank(a) - rank(b) || sourceRank(a) - sourceRank(b) || a.at.localeCompare(b.at),
  )

  const chosen = roundId === undefined ? rows : rows.filter((row) => periods[0]?.holds(row))
  return {
    compilation: {
      document: { id: doc.id, title: doc.title },
      generatedAt: new Date().toISOString(),
      rows: chosen.map(({ at: _at, ...row }) => row),
      summary: summarise(chosen),
      rounds: summariseRounds(periods, rows),
    },
    language,
  }
}

/** The document's rounds, oldest first, or the one asked for (404 unless it is this document's). */
const roundPeriods = async (
  ctx: DocumentsContext,
  documentId: string,
  roundId: string | undefined,
): Promise<RoundPeriod[]> => {
  if (roundId === undefined) return (await ctx.rounds.list(documentId)).reverse().map(roundPeriod)
  const round = await ctx.rounds.get(roundId)
  if (round?.documentId !== documentId) throw notFound('Unknown review round of this document')
  return [roundPeriod(round)]
}

const headingLanguage = (language: string): Language =>
  (LANGUAGES as readonly string[]).includes(language) ? (language as Language) : 'en'
