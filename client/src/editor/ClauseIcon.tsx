import type { ClauseAction } from './clauseShortcuts'
import { LineIcon } from './LineIcon'

/**
 * Line drawings for the clause actions, in the text colour: horizontal bars are clauses,
 * the accent mark says what happens to them. Drawn here, so no icon font or request.
 */
const PATHS: Record<ClauseAction, string> = {
  insertAbove: 'M4 14h12M4 17h12M10 3v7M6.5 6.5h7',
  insertBelow: 'M4 3h12M4 6h12M10 10v7M6.5 13.5h7',
  insertSubclause: 'M4 4h12M7 8h9M10 11v6M7 14h6',
  split: 'M4 4h12M4 16h12M3 10h2M8 10h4M15 10h2',
  merge: 'M4 3h12M4 17h12M10 6v8M7 11l3 3 3-3',
  moveUp: 'M10 16V4M5.5 8.5 10 4l4.5 4.5',
  moveDown: 'M10 4v12M5.5 11.5 10 16l4.5-4.5',
  delete: 'M4 6h12M8 6V4h4v2M6 6l1 11h6l1-11M9 9v5M11 9v5',
}

export const ClauseIcon = ({ action }: { action: ClauseAction }) => <LineIcon d={PATHS[action]} />
