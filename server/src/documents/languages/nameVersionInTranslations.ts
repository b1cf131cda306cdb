import type { CreateVersionResponse } from '@accord/protocol'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { takeSnapshot } from '../versions/takeSnapshot.js'

/** The same version named in one translation of the source. */
export type TranslationVersion = NonNullable<CreateVersionResponse['translations']>[number]

/**
 * Names the same version in every translation of a source (the caller has named the
 * source's and checked the role): each language keeps its own version, so comparison and
 * restore work per language. Audited per translation.
 */
export const nameVersionInTranslations = async (
  ctx: Pick<DocumentsContext, 'catalog' | 'live' | 'versions' | 'audit' | 'events'>,
  actor: Actor,
  sourceId: string,
  version: { name: string; note: string | null },
): Promise<TranslationVersion[]> => {
  const translations = await ctx.catalog.translationsOf(sourceId)
  const named = []
  for (const translation of translations) {
    const created = await takeSnapshot(ctx, {
      documentId: translation.id,
      name: version.name,
      note: version.note,
      userId: actor.id,
    })
    await ctx.audit.record({
      userId: actor.id,
      action: 'version.created',
      documentId: translation.id,
      details: { versionId: created.id, name: created.name, withSource: sourceId },
    })
    named.push({ documentId: translation.id, language: translation.language, version: created })
  }
  return named
}
