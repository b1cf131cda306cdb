import { ErrorCode, type GlossaryEntry } from '@accord/protocol'
import type { ImportGlossaryRequest } from '@accord/protocol/requests'
import { invalid, tooLarge } from '../errors/DomainError.js'
import type { GlossaryContent } from '../store/GlossaryStore.js'
import type { Actor, GlossaryContext } from './GlossaryContext.js'
import { InvalidGlossaryFile } from './InvalidGlossaryFile.js'
import { mayManageGlossary } from './mayManageGlossary.js'

/** The most entries one import may add, and the most the glossary holds. */
export const MAX_GLOSSARY_ENTRIES = 10_000

/**
 * Adds the entries of a TBX or CSV file (coordinators and up; audited). A file that is not
 * what it claims is refused with the reason (400 `invalid_glossary`); one that would take the
 * glossary past MAX_GLOSSARY_ENTRIES is refused whole (413); otherwise every entry is added
 * in one transaction, or none.
 */
export const importGlossary = async (
  ctx: GlossaryContext,
  actor: Actor,
  request: ImportGlossaryRequest,
): Promise<{ added: GlossaryEntry[] }> => {
  mayManageGlossary(actor)
  // The XML and CSV readers load with the first import (issue 16: an idle server's memory).
  const parseFile =
    request.format === 'tbx'
      ? (await import('./tbx.js')).parseTbx
      : (await import('./glossaryCsv.js')).parseGlossaryCsv
  let contents: GlossaryContent[]
  try {
    contents = parseFile(request.content)
  } catch (err) {
    if (!(err instanceof InvalidGlossaryFile)) throw err
    throw invalid(err.message, ErrorCode.invalidGlossary)
  }
  if (contents.length === 0) {
    throw invalid(
      'The file holds no entry with a term in a document language',
      ErrorCode.invalidGlossary,
    )
  }
  if (contents.length + (await ctx.glossary.count()) > MAX_GLOSSARY_ENTRIES) {
    throw tooLarge(
      `The glossary holds at most ${MAX_GLOSSARY_ENTRIES} entries; this file has ${contents.length}`,
    )
  }
  const added = await ctx.glossary.add(contents, actor.id)
  await ctx.audit.record({
    userId: actor.id,
    action: 'glossary.imported',
    details: { format: request.format, entries: added.length },
  })
  return { added }
}
