import { clauseEntries } from '@accord/diff'
import { canEditText, ErrorCode, type TranslationMarkEvent, type User } from '@accord/protocol'
import { conflict, forbidden, notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { adoptedText } from './adoptedText.js'
import { translationOf } from './translationOf.js'

/**
 * Marks a clause of a translation up to date against the source clause's text of this
 * moment (members and up, not on a final translation; audited). The clause must be in the
 * source and in the translation: a clause a pending structural change would add is not
 * there to be marked yet.
 */
export const markClauseTranslated = async (
  ctx: DocumentsContext,
  actor: Actor & Pick<User, 'name'>,
  translationId: string,
  clauseId: string,
): Promise<TranslationMarkEvent> => {
  const { translation, source } = await translationOf(ctx, translationId)
  if (!canEditText(actor.role, translation.status))
    throw forbidden('Your role cannot mark clauses of this translation')
  const [sourceText, target] = await Promise.all([
    ctx.live.read(source.id, adoptedText),
    ctx.live.read(translation.id, (room) => adoptedText(room).content),
  ])
  const sourceClause = clauseEntries(sourceText.content).find((c) => c.id === clauseId)
  if (!sourceClause) throw notFound('The source has no such clause')
  if (!clauseEntries(target).some((c) => c.id === clauseId)) {
    throw conflict(
      'This clause is not in the translation yet: apply the pending structural change first',
      ErrorCode.clauseNotInTranslation,
    )
  }
  const at = await ctx.translationMarks.mark(translation.id, clauseId, sourceClause.text, actor.id)
  await ctx.audit.record({
    userId: actor.id,
    action: 'translation.clauseMarked',
    documentId: translation.id,
    details: { clauseId, sourceDocumentId: source.id, sourceText: sourceClause.text },
  })
  const event: TranslationMarkEvent = {
    clauseId,
    sourceText: sourceClause.text,
    marked: { at, by: { id: actor.id, name: actor.name } },
  }
  ctx.events.publish(translation.id, { type: 'clauseMarked', ...event })
  return event
}
