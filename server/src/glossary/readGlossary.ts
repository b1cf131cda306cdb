import type { GlossaryEntry } from '@accord/protocol'
import type { GlossaryContext } from './GlossaryContext.js'

/** Every entry of the glossary (anyone signed in reads it). */
export const listGlossary = async (ctx: GlossaryContext): Promise<GlossaryEntry[]> =>
  ctx.glossary.list()

/** The whole glossary as a TBX (ISO 30042) or CSV file's text. */
export const exportGlossary = async (
  ctx: GlossaryContext,
  format: 'tbx' | 'csv',
): Promise<string> => {
  const entries = await ctx.glossary.list()
  // The XML and CSV writers load with the first export (issue 16: an idle server's memory).
  return format === 'tbx'
    ? (await import('./tbx.js')).writeTbx(entries)
    : (await import('./glossaryCsv.js')).writeGlossaryCsv(entries)
}
