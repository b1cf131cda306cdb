import {
  BODY_FRAGMENT,
  type Decision,
  documentSchema,
  listSuggestions,
  resolveSuggestions,
  type SuggestionSummary,
} from '@accord/schema'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** The live text as a ProseMirror node. */
export const bodyOf = (doc: Y.Doc) =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), documentSchema())

/** What deciding did: the suggestions accepted and rejected (summaries as they were). */
export interface DecisionOutcome {
  accepted: SuggestionSummary[]
  rejected: SuggestionSummary[]
}

/**
 * Accepts or rejects the suggestions `choose` picks, inside the caller's transaction on the
 * live document (the binding diffs the trees, so blocks the decisions do not touch stay as
 * they are). Synchronous on the one live copy, so two people deciding on the same suggestion
 * at once are served one after the other: the second finds it gone.
 */
export const applyDecisions = (
  doc: Y.Doc,
  choose: (suggestion: SuggestionSummary) => Decision | undefined,
): DecisionOutcome => {
  const body = bodyOf(doc)
  const decisions = new Map<string, Decision>()
  const outcome: DecisionOutcome = { accepted: [], rejected: [] }
  for (const suggestion of listSuggestions(body)) {
    const decision = choose(suggestion)
    if (!decision) continue
    decisions.set(suggestion.id, decision)
    ;(decision === 'accept' ? outcome.accepted : outcome.rejected).push(suggestion)
  }
  if (decisions.size === 0) return outcome
  const { tr } = resolveSuggestions(body, (id) => decisions.get(id))
  prosemirrorJSONToYXmlFragment(
    documentSchema(),
    tr.doc.toJSON(),
    doc.getXmlFragment(BODY_FRAGMENT),
  )
  return outcome
}

/** Who a decision was about, as the audit log keeps it. */
export const brief = (s: SuggestionSummary) => ({ id: s.id, authorId: s.authorId, kind: s.kind })
