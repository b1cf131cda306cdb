import type { Node as PMNode } from '@tiptap/pm/model'
import { listSuggestions, type SuggestionSummary } from './listSuggestions.js'
import { baseDocument } from './resolveSuggestions.js'

/** Why a change is not a pure suggestion, or null when it is one. */
export type SuggestOnlyViolation =
  | { reason: 'textChanged' }
  | { reason: 'notYours'; suggestionId: string }
  | { reason: 'othersChanged'; suggestionId: string }

const fingerprint = (s: SuggestionSummary): string =>
  JSON.stringify([s.authorId, s.kind, s.block, s.deleted, s.inserted])

/**
 * Is the change from `before` to `after` something a person who may only suggest may do?
 * Yes when
 * - the text with every suggestion rejected (the text under review) is unchanged: nothing
 *   was typed, deleted or reformatted outside suggestion marks;
 * - every new or changed suggestion is attributed to `userId`;
 * - everyone else's suggestions are exactly as they were (only coordinators resolve them).
 * Withdrawing one's own suggestion passes. Used by the editor (to refuse such an edit) and
 * by the server (to drop it).
 */
export const checkSuggestOnly = (
  before: PMNode,
  after: PMNode,
  userId: string,
): SuggestOnlyViolation | null => {
  if (!baseDocument(before).eq(baseDocument(after))) return { reason: 'textChanged' }
  const old = new Map(listSuggestions(before).map((s) => [s.id, s]))
  const now = new Map(listSuggestions(after).map((s) => [s.id, s]))
  for (const [id, s] of now) {
    const was = old.get(id)
    if (was && fingerprint(was) === fingerprint(s)) continue
    if (s.authorId !== userId) return { reason: 'notYours', suggestionId: id }
    if (was && was.authorId !== userId) return { reason: 'othersChanged', suggestionId: id }
  }
  for (const [id, s] of old) {
    if (s.authorId !== userId && !now.has(id)) return { reason: 'othersChanged', suggestionId: id }
  }
  return null
}
