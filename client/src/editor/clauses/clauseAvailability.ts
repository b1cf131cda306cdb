import type { EditorState } from '@tiptap/pm/state'
import { ClauseAction } from '../clauseShortcuts'
import { clauseCommandFor } from './clauseCommandFor'
import { selectedClause } from './selectedClause'

/** Which clause actions can run at the current selection (a command run without dispatch). */
export const clauseAvailability = (state: EditorState): Record<ClauseAction, boolean> => ({
  insertAbove: clauseCommandFor.insertAbove(state),
  insertBelow: clauseCommandFor.insertBelow(state),
  insertSubclause: clauseCommandFor.insertSubclause(state),
  split: clauseCommandFor.split(state),
  merge: clauseCommandFor.merge(state),
  moveUp: clauseCommandFor.moveUp(state),
  moveDown: clauseCommandFor.moveDown(state),
  [ClauseAction.delete]: selectedClause(state) !== null,
})
