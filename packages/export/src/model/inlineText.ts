import type { Inline } from './Block.js'

/** The plain text of inline content; a line break becomes a space. */
export const inlineText = (inlines: readonly Inline[]): string =>
  inlines.map((inline) => (inline.kind === 'text' ? inline.text : ' ')).join('')
