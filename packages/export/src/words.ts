import type { DocumentLanguage } from '@accord/schema'

/** The few words an export adds to the text, in the document's language. */
export interface Words {
  currentText: string
  finalText: string
  /** Added to the version line and the file name of a copy with comments or tracked changes. */
  reviewCopy: string
  carriedSuggestions: string
  carriedComments: string
  suggestedDeletion: string
  suggestedInsertion: string
  version: string
  openComments: string
  noClause: string
  page: string
  of: string
}

const WORDS: Record<DocumentLanguage, Words> = {
  ru: {
    currentText: 'Текущий текст',
    finalText: 'Окончательный текст',
    reviewCopy: 'копия для рассмотрения',
    carriedSuggestions: 'Предложения, открытые при утверждении',
    carriedComments: 'Комментарии, открытые при утверждении',
    suggestedDeletion: 'Удалить',
    suggestedInsertion: 'Вставить',
    version: 'Версия',
    openComments: 'Открытые комментарии',
    noClause: 'Вне статей',
    page: 'Страница',
    of: 'из',
  },
  en: {
    currentText: 'Current text',
    finalText: 'Final text',
    reviewCopy: 'review copy',
    carriedSuggestions: 'Suggestions open when finalized',
    carriedComments: 'Comments open when finalized',
    suggestedDeletion: 'Delete',
    suggestedInsertion: 'Insert',
    version: 'Version',
    openComments: 'Open comments',
    noClause: 'Outside the clauses',
    page: 'Page',
    of: 'of',
  },
}

export const wordsFor = (language: DocumentLanguage): Words => WORDS[language]
