import type { GlossaryEntry } from '@accord/protocol'
import type { GlossaryEntryRequest } from '@accord/protocol/requests'
import type { Actor, GlossaryContext } from './GlossaryContext.js'
import { mayManageGlossary } from './mayManageGlossary.js'

/** Adds one entry to the glossary (coordinators and up; audited). */
export const addGlossaryEntry = async (
  ctx: GlossaryContext,
  actor: Actor,
  request: GlossaryEntryRequest,
): Promise<GlossaryEntry> => {
  mayManageGlossary(actor)
  const [entry] = (await ctx.glossary.add([request], actor.id)) as [GlossaryEntry]
  await ctx.audit.record({
    userId: actor.id,
    action: 'glossary.entryAdded',
    details: { entryId: entry.id, terms: entry.terms },
  })
  return entry
}
