import { clauseEntries } from '@accord/diff'
import { canEditText, ErrorCode, type TranslationMarkEvent } from '@accord/protocol'
import type { StoredUser } from '../store/UserStore.js'
import { adoptedText } from './adoptedText.js'
import { DocumentError, notAllowed } from './DocumentError.js'
import type { TranslationDeps } from './TranslationDeps.js'
import { translationOf } from './translationOf.js'

/**
 * Marks a clause of a translation up to date against the source clause's text of this
 * moment (members and up, not on a final translation; audited). The clause must be in the
 * source and in the translation: a clause a pending structural change would add is not
 * there to be marked yet.
 */
export const markClauseTranslated = async (
  deps: TranslationDeps,
  user: StoredUser,
  translationId: string,
  clauseId: string,
): Promise<TranslationMarkEvent> => {
  const { translation, source } = await translationOf(deps, translationId)
  if (!canEditText(user.role, translation.status))
    throw notAllowed('Your role cannot mark clauses of this translation')
  const [sourceText, target] = await Promise.all([
    deps.registry.withDocument(source.id, adoptedText),
    deps.registry.withDocument(translation.id, (room) => adoptedText(room).content),
  ])
  const sourceClause = clauseEntries(sourceText.content).find((c) => c.id === clauseId)
  if (!sourceClause)
    throw new DocumentError('notFound', ErrorCode.notFound, 'The source has no such clause')
  if (!clauseEntries(target).some((c) => c.id === clauseId)) {
    throw new DocumentError(
      'conflict',
      ErrorCode.clauseNotInTranslation,
      'This clause is not in the translation yet: apply the pending structural change first',
    )
  }
  const at = await deps.translationMarks.mark(translation.id, clauseId, sourceClause.text, user.id)
  await deps.audit.record({
    userId: user.id,
    action: 'translation.clauseMarked',
    documentId: translation.id,
    details: { clauseId, sourceDocumentId: source.id, sourceText: sourceClause.text },
  })
  const event: TranslationMarkEvent = {
    clauseId,
    sourceText: sourceClause.text,
    marked: { at, by: { id: user.id, name: user.name } },
  }
  deps.events.publish(translation.id, { type: 'clauseMarked', ...event })
  return event
}
