import type { DocumentLanguage } from '@accord/schema'

/**
 * The few words an export adds to the text, in the document's language. Where a language
 * has no short "page N of M" (Kazakh, Kyrgyz, Armenian, Azerbaijani, Uzbek), `of` is a slash.
 */
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
  kk: {
    currentText: 'Ағымдағы мәтін',
    finalText: 'Түпкілікті мәтін',
    reviewCopy: 'қарауға арналған көшірме',
    carriedSuggestions: 'Бекіту кезінде ашық қалған ұсыныстар',
    carriedComments: 'Бекіту кезінде ашық қалған пікірлер',
    suggestedDeletion: 'Жою',
    suggestedInsertion: 'Қосу',
    version: 'Нұсқа',
    openComments: 'Ашық пікірлер',
    noClause: 'Баптардан тыс',
    page: 'Бет',
    of: '/',
  },
  ky: {
    currentText: 'Учурдагы текст',
    finalText: 'Акыркы текст',
    reviewCopy: 'кароо үчүн көчүрмө',
    carriedSuggestions: 'Бекитүүдө ачык калган сунуштар',
    carriedComments: 'Бекитүүдө ачык калган комментарийлер',
    suggestedDeletion: 'Өчүрүү',
    suggestedInsertion: 'Кошуу',
    version: 'Версия',
    openComments: 'Ачык комментарийлер',
    noClause: 'Беренелерден тышкары',
    page: 'Бет',
    of: '/',
  },
  hy: {
    currentText: 'Ընթացիկ տեքստ',
    finalText: 'Վերջնական տեքստ',
    reviewCopy: 'քննարկման օրինակ',
    carriedSuggestions: 'Հաստատման պահին բաց առաջարկներ',
    carriedComments: 'Հաստատման պահին բաց մեկնաբանություններ',
    suggestedDeletion: 'Ջնջել',
    suggestedInsertion: 'Ավելացնել',
    version: 'Տարբերակ',
    openComments: 'Բաց մեկնաբանություններ',
    noClause: 'Հոդվածներից դուրս',
    page: 'Էջ',
    of: '/',
  },
  az: {
    currentText: 'Cari mətn',
    finalText: 'Yekun mətn',
    reviewCopy: 'baxış üçün nüsxə',
    carriedSuggestions: 'Təsdiq zamanı açıq qalan təkliflər',
    carriedComments: 'Təsdiq zamanı açıq qalan şərhlər',
    suggestedDeletion: 'Silmək',
    suggestedInsertion: 'Əlavə etmək',
    version: 'Versiya',
    openComments: 'Açıq şərhlər',
    noClause: 'Maddələrdən kənar',
    page: 'Səhifə',
    of: '/',
  },
  uz: {
    currentText: 'Joriy matn',
    finalText: 'Yakuniy matn',
    reviewCopy: 'koʻrib chiqish uchun nusxa',
    carriedSuggestions: 'Tasdiqlashda ochiq qolgan takliflar',
    carriedComments: 'Tasdiqlashda ochiq qolgan izohlar',
    suggestedDeletion: 'Oʻchirish',
    suggestedInsertion: 'Qoʻshish',
    version: 'Versiya',
    openComments: 'Ochiq izohlar',
    noClause: 'Moddalardan tashqari',
    page: 'Sahifa',
    of: '/',
  },
  tg: {
    currentText: 'Матни ҷорӣ',
    finalText: 'Матни ниҳоӣ',
    reviewCopy: 'нусха барои баррасӣ',
    carriedSuggestions: 'Пешниҳодҳое, ки ҳангоми тасдиқ кушода монданд',
    carriedComments: 'Шарҳҳое, ки ҳангоми тасдиқ кушода монданд',
    suggestedDeletion: 'Нест кардан',
    suggestedInsertion: 'Илова кардан',
    version: 'Версия',
    openComments: 'Шарҳҳои кушода',
    noClause: 'Берун аз моддаҳо',
    page: 'Саҳифаи',
    of: 'аз',
  },
  be: {
    currentText: 'Бягучы тэкст',
    finalText: 'Канчатковы тэкст',
    reviewCopy: 'копія для разгляду',
    carriedSuggestions: 'Прапановы, адкрытыя пры зацвярджэнні',
    carriedComments: 'Каментарыі, адкрытыя пры зацвярджэнні',
    suggestedDeletion: 'Выдаліць',
    suggestedInsertion: 'Уставіць',
    version: 'Версія',
    openComments: 'Адкрытыя каментарыі',
    noClause: 'Па-за артыкуламі',
    page: 'Старонка',
    of: 'з',
  },
}

export const wordsFor = (language: DocumentLanguage): Words => WORDS[language]
