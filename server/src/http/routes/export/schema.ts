import { EXPORT_FORMATS } from '@accord/export'
import { z } from 'zod'

/**
 * `format` is one of EXPORT_FORMATS (a wrong one is answered with the list); `version` a
 * version id (absent: the current text); `comments=open` appends the open threads.
 */
export const exportQuery = z.object({
  format: z.enum(EXPORT_FORMATS, {
    error: `unknown format; supported formats: ${EXPORT_FORMATS.join(', ')}`,
  }),
  version: z.string().optional(),
  comments: z.literal('open').optional(),
})
export type ExportQuery = z.infer<typeof exportQuery>
