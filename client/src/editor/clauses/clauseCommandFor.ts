import type { Command } from '@tiptap/pm/state'
import { ClauseAction } from '../clauseShortcuts'
import { insertClause, insertSubclause } from './insertClause'
import { mergeClauseWithPrevious } from './mergeClause'
import { moveClause } from './moveClause'
import { splitClause } from './splitClause'

/** The command behind each action; deleting asks first, so it is not among them. */
export const clauseCommandFor: Record<Exclude<ClauseAction, 'delete'>, Command> = {
  [ClauseAction.insertAbove]: insertClause('above'),
  [ClauseAction.insertBelow]: insertClause('below'),
  [ClauseAction.insertSubclause]: insertSubclause,
  [ClauseAction.split]: splitClause,
  [ClauseAction.merge]: mergeClauseWithPrevious,
  [ClauseAction.moveUp]: moveClause('up'),
  [ClauseAction.moveDown]: moveClause('down'),
}
