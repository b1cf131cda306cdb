import type { GlossaryEntry } from '@accord/protocol'
import type { GlossaryContext } from './GlossaryContext.js'
import { writeGlossaryCsv } from './glossaryCsv.js'
import { writeTbx } from './tbx.js'

/** Every entry of the glossary (anyone signed in reads it). */
export const listGlossary = async (ctx: GlossaryContext): Promise<GlossaryEntry[]> =>
  ctx.glossary.list()

/** The whole glossary as a TBX (ISO 30042) or CSV file's text. */
export const exportGlossary = async (
  ctx: GlossaryContext,
  format: 'tbx' | 'csv',
): Promise<string> => {
  const entries = await ctx.glossary.list()
  return format === 'tbx' ? writeTbx(entries) : writeGlossaryCsv(entries)
}
