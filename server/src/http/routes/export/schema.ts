import { EXPORT_FORMATS, SUGGESTION_MODES } from '@accord/export'
import { z } from 'zod'

/**
 * `format` is one of EXPORT_FORMATS (a wrong one is answered with the list); `version` a
 * version id (absent: the current text); `comments=open` appends the open threads;
 * `suggestions` is `clean` (the default: open suggestions left out) or `tracked` (a review
 * copy showing them as tracked changes); `bilingual=1` on a translation's export puts it
 * beside its source's current text, clause by clause.
 */
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, {
    error: `unknown format; supported formats: ${EXPORT_FORMATS.join(', ')}`,
  }),
  version: z.string().optional(),
  comments: z.literal('open').optional(),
  suggestions: z
    .enum(SUGGESTION_MODES, {
      error: `unknown suggestions mode; supported: ${SUGGESTION_MODES.join(', ')}`,
    })
    .default('clean'),
  /** `1` on a translation: a two-column copy beside its source (docx, pdf, html). */
  bilingual: z.literal('1').optional(),
})
export type ExportQuery = z.infer<typeof exportQuery>
