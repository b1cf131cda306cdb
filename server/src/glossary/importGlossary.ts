import { ErrorCode, type GlossaryEntry } from '@accord/protocol'
import type { ImportGlossaryRequest } from '@accord/protocol/requests'
import { DocumentError } from '../documents/DocumentError.js'
import type { StoredUser } from '../store/UserStore.js'
import type { GlossaryDeps } from './GlossaryDeps.js'
import { parseGlossaryCsv } from './glossaryCsv.js'
import { mayManageGlossary } from './mayManageGlossary.js'
import { InvalidGlossaryFile, parseTbx } from './tbx.js'

/** The most entries one import may add, and the most the glossary holds. */
export const MAX_GLOSSARY_ENTRIES = 10_000

/**
 * Adds the entries of a TBX or CSV file (coordinators and up; audited). A file that is not
 * what it claims is refused with the reason (400 `invalid_glossary`); one that would take the
 * glossary past MAX_GLOSSARY_ENTRIES is refused whole (413); otherwise every entry is added
 * in one transaction, or none.
 */
export const importGlossary = async (
  deps: GlossaryDeps,
  user: StoredUser,
  request: ImportGlossaryRequest,
): Promise<{ added: GlossaryEntry[] }> => {
  mayManageGlossary(user)
  let contents: ReturnType<typeof parseTbx>
  try {
    contents =
      request.format === 'tbx' ? parseTbx(request.content) : parseGlossaryCsv(request.content)
  } catch (err) {
    if (!(err instanceof InvalidGlossaryFile)) throw err
    throw new DocumentError('invalid', ErrorCode.invalidGlossary, err.message)
  }
  if (contents.length === 0) {
    throw new DocumentError(
      'invalid',
      ErrorCode.invalidGlossary,
      'The file holds no entry with a term in a document language',
    )
  }
  if (contents.length + (await deps.glossary.count()) > MAX_GLOSSARY_ENTRIES) {
    throw new DocumentError(
      'tooLarge',
      ErrorCode.tooLarge,
      `The glossary holds at most ${MAX_GLOSSARY_ENTRIES} entries; this file has ${contents.length}`,
    )
  }
  const added = await deps.glossary.add(contents, user.id)
  await deps.audit.record({
    userId: user.id,
    action: 'glossary.imported',
    details: { format: request.format, entries: added.length },
  })
  return { added }
}
