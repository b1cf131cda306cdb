import { documentLanguageInfo } from '@accord/protocol'
import type { ClauseLabelStyle, DocumentLanguage } from './documentSettings.js'

/**
 * The label of a clause number in the document's language and label style:
 * ('3', 'article', 'ru') → 'Статья 3', ('3.1', 'article', 'en') → 'Article 3.1',
 * ('3', 'article', 'kk') → '3-бап', ('3', 'numeric', …) → '3.', ('3', 'section', …) → '§ 3'.
 * Words and word order come from the language table. Plain spaces: where a label must not
 * wrap, the renderer says so (the editor's CSS does).
 */
export const formatClauseLabel = (
  number: string,
  style: ClauseLabelStyle,
  language: DocumentLanguage,
): string => {
  switch (style) {
    case 'numeric':
      return `${number}.`
    case 'section':
      return `§ ${number}`
    default:
      return documentLanguageInfo(language).labels[style].replace('{n}', number)
  }
}
