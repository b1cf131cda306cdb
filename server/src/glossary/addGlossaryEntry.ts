import type { GlossaryEntry } from '@accord/protocol'
import type { GlossaryEntryRequest } from '@accord/protocol/requests'
import type { StoredUser } from '../store/UserStore.js'
import type { GlossaryDeps } from './GlossaryDeps.js'
import { mayManageGlossary } from './mayManageGlossary.js'

/** Adds one entry to the glossary (coordinators and up; audited). */
export const addGlossaryEntry = async (
  deps: GlossaryDeps,
  user: StoredUser,
  request: GlossaryEntryRequest,
): Promise<GlossaryEntry> => {
  mayManageGlossary(user)
  const [entry] = (await deps.glossary.add([request], user.id)) as [GlossaryEntry]
  await deps.audit.record({
    userId: user.id,
    action: 'glossary.entryAdded',
    details: { entryId: entry.id, terms: entry.terms },
  })
  return entry
}
