import type { DocumentLanguage } from '@accord/schema'

/**
 * The few words an export adds to the text, in the document's language. Where a language
 * has no short "page N of M" (Kazakh, Kyrgyz, Armenian, Azerbaijani, Uzbek), `of` is a slash.
 */
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
  kk: {
    currentText: 'Ағымдағы мәтін',
    version: 'Нұсқа',
    openComments: 'Ашық пікірлер',
    noClause: 'Баптардан тыс',
    page: 'Бет',
    of: '/',
  },
  ky: {
    currentText: 'Учурдагы текст',
    version: 'Версия',
    openComments: 'Ачык комментарийлер',
    noClause: 'Беренелерден тышкары',
    page: 'Бет',
    of: '/',
  },
  hy: {
    currentText: 'Ընթացիկ տեքստ',
    version: 'Տարբերակ',
    openComments: 'Բաց մեկնաբանություններ',
    noClause: 'Հոդվածներից դուրս',
    page: 'Էջ',
    of: '/',
  },
  az: {
    currentText: 'Cari mətn',
    version: 'Versiya',
    openComments: 'Açıq şərhlər',
    noClause: 'Maddələrdən kənar',
    page: 'Səhifə',
    of: '/',
  },
  uz: {
    currentText: 'Joriy matn',
    version: 'Versiya',
    openComments: 'Ochiq izohlar',
    noClause: 'Moddalardan tashqari',
    page: 'Sahifa',
    of: '/',
  },
  tg: {
    currentText: 'Матни ҷорӣ',
    version: 'Версия',
    openComments: 'Шарҳҳои кушода',
    noClause: 'Берун аз моддаҳо',
    page: 'Саҳифаи',
    of: 'аз',
  },
  be: {
    currentText: 'Бягучы тэкст',
    version: 'Версія',
    openComments: 'Адкрытыя каментарыі',
    noClause: 'Па-за артыкуламі',
    page: 'Старонка',
    of: 'з',
  },
}

export const wordsFor = (language: DocumentLanguage): Words => WORDS[language]
