import type { AuditEntry, RoundSummary } from '@accord/protocol'
import type { TFunction } from 'i18next'

/** Audit actions are `area.verb`; translation keys cannot hold dots, so they use `area_verb`. */
const actionKey = (action: string) => `activity.actions.${action.replace('.', '_')}`

const lengthOf = (value: unknown): number | undefined =>
  Array.isArray(value) ? value.length : undefined

const numberOf = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : undefined

/**
 * The number an action's label is plural in, where it has one (its labels exist only in
 * plural forms, so it always gets a count).
 */
const countOf = (entry: AuditEntry): number | undefined => {
  const details = entry.details ?? {}
  switch (entry.action) {
    case 'document.edited':
      return numberOf(details.changes) ?? 0
    case 'suggestion.accepted':
    case 'suggestion.rejected':
      return lengthOf(details.suggestions) ?? 0
    case 'comment.imported':
      return numberOf(details.created) ?? 0
    case 'glossary.imported':
      return numberOf(details.entries) ?? 0
    case 'translation.structureApplied':
      return lengthOf(details.changes) ?? 0
    default:
      return undefined
  }
}

/** A closed review round's figures (see RoundSummary), or a roll-out's decisions. */
const figuresOf = (entry: AuditEntry) => {
  const details = entry.details ?? {}
  const s = (
    typeof details.summary === 'object' && details.summary !== null ? details.summary : {}
  ) as Partial<RoundSummary>
  return {
    comments: s.comments ?? 0,
    replies: s.replies ?? 0,
    accepted: lengthOf(details.accepted) ?? s.decisions?.accepted ?? 0,
    rejected: lengthOf(details.rejected) ?? s.decisions?.rejected ?? 0,
    people: (s.participants ?? []).map((p) => p.name).join(', ') || '—',
  }
}

const textOf = (value: unknown): string => (typeof value === 'string' ? value : '')

/**
 * What an audit entry says in the viewer's language. Unknown actions (from a newer server)
 * show as they are.
 */
export const activityLabel = (t: TFunction, entry: AuditEntry): string => {
  const count = countOf(entry)
  return t(actionKey(entry.action) as never, {
    defaultValue: entry.action,
    ...(count === undefined ? {} : { count }),
    ...figuresOf(entry),
    name: textOf(entry.details?.name),
    language: textOf(entry.details?.language).toUpperCase(),
  }) as string
}
