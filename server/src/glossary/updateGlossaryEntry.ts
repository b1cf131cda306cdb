import type { GlossaryEntry } from '@accord/protocol'
import type { GlossaryEntryRequest } from '@accord/protocol/requests'
import { notFound } from '../errors/DomainError.js'
import type { Actor, GlossaryContext } from './GlossaryContext.js'
import { mayManageGlossary } from './mayManageGlossary.js'

const unknownEntry = () => notFound('No such glossary entry')

/** Replaces what an entry says (coordinators and up; audited). */
export const updateGlossaryEntry = async (
  ctx: GlossaryContext,
  actor: Actor,
  id: string,
  request: GlossaryEntryRequest,
): Promise<GlossaryEntry> => {
  mayManageGlossary(actor)
  const before = await ctx.glossary.get(id)
  const entry = before && (await ctx.glossary.update(id, request))
  if (!before || !entry) throw unknownEntry()
  await ctx.audit.record({
    userId: actor.id,
    action: 'glossary.entryChanged',
    details: { entryId: id, from: before.terms, to: entry.terms },
  })
  return entry
}

/** Removes an entry (coordinators and up; audited). */
export const deleteGlossaryEntry = async (
  ctx: GlossaryContext,
  actor: Actor,
  id: string,
): Promise<void> => {
  mayManageGlossary(actor)
  const before = await ctx.glossary.get(id)
  if (!before || !(await ctx.glossary.remove(id))) throw unknownEntry()
  await ctx.audit.record({
    userId: actor.id,
    action: 'glossary.entryDeleted',
    details: { entryId: id, terms: before.terms },
  })
}
