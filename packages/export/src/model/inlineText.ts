import type { Inline } from './Block.js'

/** The plain text of inline content; a line break becomes a space, a footnote gives its text. */
export const inlineText = (inlines: readonly Inline[]): string =>
  inlines
    .map((inline) => {
      if (inline.kind === 'text') return inline.text
      if (inline.kind === 'footnote') return inlineText(inline.inlines)
      return ' '
    })
    .join('')
