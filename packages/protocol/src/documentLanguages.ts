/**
 * The languages a document's text may be in, and what each one decides: the words and word
 * order of clause labels, the locale of dates, and the codes export metadata carries. The
 * interface itself is offered in `LANGUAGES` (ru, en) only; documents go further, because
 * member institutions draft in their own languages.
 */
export interface DocumentLanguageInfo {
  /** The language's own name, as a picker shows it. */
  nativeName: string
  /** The name in English, for logs and the API. */
  englishName: string
  /**
   * Clause labels with `{n}` for the number: Russian puts the word first ("Статья 3"),
   * Kazakh, Kyrgyz and Uzbek put the number first ("3-бап").
   */
  labels: { article: string; clause: string }
  /** The BCP-47 locale for dates and word segmentation (a region where the text is official). */
  locale: string
  /** ISO 639-2/T, as Akoma Ntoso's FRBRlanguage takes it. */
  iso6392: string
  /** ISO 3166 region for word processors' language attributes (ODT fo:country). */
  region: string
  /** ISO 15924 script: PDF fonts must cover it. */
  script: 'Cyrl' | 'Latn' | 'Armn'
}

export const DOCUMENT_LANGUAGE_TABLE = {
  ru: {
    nativeName: 'Русский',
    englishName: 'Russian',
    labels: { article: 'Статья {n}', clause: 'Пункт {n}' },
    locale: 'ru-RU',
    iso6392: 'rus',
    region: 'RU',
    script: 'Cyrl',
  },
  en: {
    nativeName: 'English',
    englishName: 'English',
    labels: { article: 'Article {n}', clause: 'Clause {n}' },
    locale: 'en-GB',
    iso6392: 'eng',
    region: 'GB',
    script: 'Latn',
  },
  kk: {
    nativeName: 'Қазақша',
    englishName: 'Kazakh',
    labels: { article: '{n}-бап', clause: '{n}-тармақ' },
    locale: 'kk-KZ',
    iso6392: 'kaz',
    region: 'KZ',
    script: 'Cyrl',
  },
  ky: {
    nativeName: 'Кыргызча',
    englishName: 'Kyrgyz',
    labels: { article: '{n}-берене', clause: '{n}-пункт' },
    locale: 'ky-KG',
    iso6392: 'kir',
    region: 'KG',
    script: 'Cyrl',
  },
  hy: {
    nativeName: 'Հայերեն',
    englishName: 'Armenian',
    labels: { article: 'Հոդված {n}', clause: 'Կետ {n}' },
    locale: 'hy-AM',
    iso6392: 'hye',
    region: 'AM',
    script: 'Armn',
  },
  az: {
    nativeName: 'Azərbaycanca',
    englishName: 'Azerbaijani',
    labels: { article: 'Maddə {n}', clause: 'Bənd {n}' },
    locale: 'az-Latn-AZ',
    iso6392: 'aze',
    region: 'AZ',
    script: 'Latn',
  },
  uz: {
    nativeName: 'Oʻzbekcha',
    englishName: 'Uzbek',
    labels: { article: '{n}-modda', clause: '{n}-band' },
    locale: 'uz-Latn-UZ',
    iso6392: 'uzb',
    region: 'UZ',
    script: 'Latn',
  },
  tg: {
    nativeName: 'Тоҷикӣ',
    englishName: 'Tajik',
    labels: { article: 'Моддаи {n}', clause: 'Банди {n}' },
    locale: 'tg-TJ',
    iso6392: 'tgk',
    region: 'TJ',
    script: 'Cyrl',
  },
  be: {
    nativeName: 'Беларуская',
    englishName: 'Belarusian',
    labels: { article: 'Артыкул {n}', clause: 'Пункт {n}' },
    locale: 'be-BY',
    iso6392: 'bel',
    region: 'BY',
    script: 'Cyrl',
  },
} as const satisfies Record<string, DocumentLanguageInfo>

export type DocumentLanguage = keyof typeof DOCUMENT_LANGUAGE_TABLE

/** Every document language, Russian and English first. */
export const DOCUMENT_LANGUAGES = Object.keys(DOCUMENT_LANGUAGE_TABLE) as [
  DocumentLanguage,
  ...DocumentLanguage[],
]

export const isDocumentLanguage = (value: unknown): value is DocumentLanguage =>
  typeof value === 'string' && Object.hasOwn(DOCUMENT_LANGUAGE_TABLE, value)

export const documentLanguageInfo = (language: DocumentLanguage): DocumentLanguageInfo =>
  DOCUMENT_LANGUAGE_TABLE[language]

/** Why a language tag was not taken: not BCP-47 at all, or a language Accord has no table for. */
export type LanguageTagProblem = 'malformed' | 'unsupported'

/**
 * The document language a BCP-47 tag names: the tag is canonicalized ('EN-gb' → 'en-GB'),
 * then looked up as RFC 4647 lookup does, dropping subtags from the end until one is in the
 * table ('ru-RU' → 'ru', 'uz-Latn-UZ' → 'uz').
 */
export const parseDocumentLanguage = (
  tag: string,
): { language: DocumentLanguage } | { problem: LanguageTagProblem } => {
  let canonical: string
  try {
    const [first] = Intl.getCanonicalLocales(tag)
    if (first === undefined) return { problem: 'malformed' }
    canonical = first
  } catch {
    return { problem: 'malformed' }
  }
  const parts = canonical.toLowerCase().split('-')
  while (parts.length > 0) {
    const candidate = parts.join('-')
    if (isDocumentLanguage(candidate)) return { language: candidate }
    parts.pop()
  }
  return { problem: 'unsupported' }
}
