import type { GlossaryEntry } from '@accord/protocol'

/** How an entry is named in buttons and dialogs: its first preferred term. */
export const entryName = (entry: GlossaryEntry): string =>
  Object.values(entry.terms).find(Boolean) ?? ''
