import { LineIcon } from '../LineIcon'

/** Line drawings for the insert-table, insert-footnote and insert-reference buttons. */
const PATHS = {
  table: 'M3 4h14v12H3zM3 8h14M3 12h14M8 4v12M12.5 4v12',
  footnote: 'M3 15h9M3 11h9M14 3.5l1.5-1v5M13.8 7.5h3.4',
  reference: 'M3 10h11M10 6l4 4-4 4M17 4v12',
} as const

export const InsertIcon = ({ kind }: { kind: keyof typeof PATHS }) => <LineIcon d={PATHS[kind]} />
