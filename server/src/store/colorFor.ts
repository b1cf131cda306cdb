/** Caret and badge colours with at least 4.5:1 contrast against white text. */
const PALETTE = [
  '#b3261e',
  '#1b5e20',
  '#0d47a1',
  '#6a1b9a',
  '#8d4e00',
  '#00695c',
  '#ad1457',
  '#37474f',
] as const

/** A stable colour for a user id, so a person keeps one colour everywhere. */
export const colorFor = (id: string): string => {
  let h = 0
  for (let i = 0; i < id.length; i++) h = (h * 31 + id.charCodeAt(i)) >>> 0
  return PALETTE[h % PALETTE.length] as string
}
