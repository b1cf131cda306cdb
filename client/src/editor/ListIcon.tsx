import { LineIcon } from './LineIcon'

/**
 * Line drawings for the two list buttons. A drawing, not the characters "•" or "1.": text in
 * a button should be part of its spoken name, and "1." is not part of "Numbered list".
 */
const PATHS = {
  bulletList: 'M8 5h9M8 10h9M8 15h9M4 4.2v1.6M4 9.2v1.6M4 14.2v1.6',
  orderedList: 'M8 5h9M8 10h9M8 15h9M4 3v4M3 9h2l-2 3h2M3 14h2l-1 1.5 1 1.5H3',
} as const

export const ListIcon = ({ kind }: { kind: keyof typeof PATHS }) => <LineIcon d={PATHS[kind]} />
