import {
  atLeast,
  type DocumentInfo,
  type DocumentLanguage,
  ErrorCode,
  parseDocumentLanguage,
  Role,
} from '@accord/protocol'
import { type ClauseLabelStyle, readSettings } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { conflict, forbidden, invalid, notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { adoptedText } from './adoptedText.js'

export const languageExists = () =>
  conflict('This language version exists already', ErrorCode.languageExists)

/** A source document that may get a version in `language`, with its adopted text now. */
export interface NewLanguage {
  source: DocumentInfo
  language: DocumentLanguage
  /** The source's adopted text (open suggestions left out), which the version follows. */
  content: JSONContent
  clauseLabel: ClauseLabelStyle
}

/**
 * The checks every new language version passes, however it is made (added, or imported from
 * a file): coordinators and up; a source document, not a translation; a language tag Accord
 * can label and that is not the source's own. A version that exists already is refused by
 * the catalog when it is created (two people at once get one).
 */
export const newLanguageOf = async (
  ctx: DocumentsContext,
  actor: Actor,
  sourceId: string,
  requested: string,
): Promise<NewLanguage> => {
  if (!atLeast(actor.role, Role.coordinator))
    throw forbidden('Coordinators and the secretariat add language versions')
  const source = await ctx.catalog.get(sourceId)
  if (!source) throw notFound('Unknown document')
  if (source.sourceDocumentId !== null) {
    throw invalid(
      'Language versions are added to the source document, not to a translation',
      ErrorCode.badRequest,
    )
  }
  const parsed = parseDocumentLanguage(requested)
  if ('problem' in parsed) {
    throw parsed.problem === 'malformed'
      ? invalid('language: not a BCP-47 language tag')
      : invalid(
          'Accord has no clause labels, dates and fonts for this language yet',
          ErrorCode.unsupportedLanguage,
        )
  }
  const { language } = parsed
  const live = await ctx.live.read(source.id, (room) => ({
    ...adoptedText(room),
    clauseLabel: readSettings(room.doc).clauseLabel,
  }))
  if (live.language === language) throw languageExists()
  return { source, language, content: live.content, clauseLabel: live.clauseLabel }
}
