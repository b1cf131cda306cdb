import type { GlossaryEntry } from '@accord/protocol'

/** Whether an entry has the searched text in a term, a forbidden variant or its note (any case). */
export const matchesGlossaryQuery = (entry: GlossaryEntry, query: string): boolean => {
  const needle = query.trim().toLocaleLowerCase()
  if (!needle) return true
  const haystack = [
    ...Object.values(entry.terms),
    ...Object.values(entry.forbidden).flat(),
    entry.note,
  ]
  return haystack.some((text) => text?.toLocaleLowerCase().includes(needle))
}
