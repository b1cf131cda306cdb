import type { DocumentLanguage } from '@accord/schema'

/** The few words an export adds to the text, in the document's language. */
export interface Words {
  currentText: string
  version: string
  openComments: string
  noClause: string
  page: string
  of: string
}

const WORDS: Record<DocumentLanguage, Words> = {
  ru: {
    currentText: 'Текущий текст',
    version: 'Версия',
    openComments: 'Открытые комментарии',
    noClause: 'Вне статей',
    page: 'Страница',
    of: 'из',
  },
  en: {
    currentText: 'Current text',
    version: 'Version',
    openComments: 'Open comments',
    noClause: 'Outside the clauses',
    page: 'Page',
    of: 'of',
  },
}

export const wordsFor = (language: DocumentLanguage): Words => WORDS[language]
