import {
  BODY_FRAGMENT,
  type Decision,
  documentSchema,
  listSuggestions,
  resolveSuggestions,
  type SuggestionSummary,
} from '@accord/schema'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { Room } from '../../collab/Room.js'
import { SUGGESTIONS_ORIGIN } from '../../collab/TransactionOrigin.js'

/** The live text of a room as a ProseMirror node. */
export const liveDocument = (room: Room) =>
  yXmlFragmentToProseMirrorRootNode(room.doc.getXmlFragment(BODY_FRAGMENT), documentSchema())

/** What deciding did: the suggestions accepted and rejected (summaries as they were). */
export interface DecisionOutcome {
  accepted: SuggestionSummary[]
  rejected: SuggestionSummary[]
}

/**
 * Accepts or rejects the suggestions `choose` picks, as one ordinary change of the live
 * document that every connected client receives (the binding diffs the trees, so blocks
 * the decisions do not touch stay as they are). Synchronous on the room's Y.Doc, so two
 * people deciding on the same suggestion at once are served one after the other: the
 * second finds it gone.
 */
export const decideSuggestions = (
  room: Room,
  choose: (suggestion: SuggestionSummary) => Decision | undefined,
): DecisionOutcome => {
  const doc = liveDocument(room)
  const decisions = new Map<string, Decision>()
  const outcome: DecisionOutcome = { accepted: [], rejected: [] }
  for (const suggestion of listSuggestions(doc)) {
    const decision = choose(suggestion)
    if (!decision) continue
    decisions.set(suggestion.id, decision)
    ;(decision === 'accept' ? outcome.accepted : outcome.rejected).push(suggestion)
  }
  if (decisions.size === 0) return outcome
  const { tr } = resolveSuggestions(doc, (id) => decisions.get(id))
  Y.transact(
    room.doc,
    () =>
      prosemirrorJSONToYXmlFragment(
        documentSchema(),
        tr.doc.toJSON(),
        room.doc.getXmlFragment(BODY_FRAGMENT),
      ),
    SUGGESTIONS_ORIGIN,
  )
  return outcome
}
