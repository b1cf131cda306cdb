import { ErrorCode, type GlossaryEntry } from '@accord/protocol'
import type { GlossaryEntryRequest } from '@accord/protocol/requests'
import { DocumentError } from '../documents/DocumentError.js'
import type { StoredUser } from '../store/UserStore.js'
import type { GlossaryDeps } from './GlossaryDeps.js'
import { mayManageGlossary } from './mayManageGlossary.js'

const unknownEntry = () =>
  new DocumentError('notFound', ErrorCode.notFound, 'No such glossary entry')

/** Replaces what an entry says (coordinators and up; audited). */
export const updateGlossaryEntry = async (
  deps: GlossaryDeps,
  user: StoredUser,
  id: string,
  request: GlossaryEntryRequest,
): Promise<GlossaryEntry> => {
  mayManageGlossary(user)
  const before = await deps.glossary.get(id)
  const entry = before && (await deps.glossary.update(id, request))
  if (!before || !entry) throw unknownEntry()
  await deps.audit.record({
    userId: user.id,
    action: 'glossary.entryChanged',
    details: { entryId: id, from: before.terms, to: entry.terms },
  })
  return entry
}

/** Removes an entry (coordinators and up; audited). */
export const deleteGlossaryEntry = async (
  deps: GlossaryDeps,
  user: StoredUser,
  id: string,
): Promise<void> => {
  mayManageGlossary(user)
  const before = await deps.glossary.get(id)
  if (!before || !(await deps.glossary.remove(id))) throw unknownEntry()
  await deps.audit.record({
    userId: user.id,
    action: 'glossary.entryDeleted',
    details: { entryId: id, terms: before.terms },
  })
}
