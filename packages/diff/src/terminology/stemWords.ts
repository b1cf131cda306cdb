import type { DocumentLanguage } from '@accord/protocol'
import { documentLanguageInfo } from '@accord/protocol'
import { stemmer as armenian } from '@orama/stemmers/armenian'
import { stemmer as english } from '@orama/stemmers/english'
import { stemmer as russian } from '@orama/stemmers/russian'

/**
 * Snowball stemmers for the languages Snowball has; the others (Kazakh, Kyrgyz,
 * Azerbaijani, Uzbek, Tajik, Belarusian) have none there, so their words are matched whole
 * (lower-cased), never with another language's stemmer.
 */
const STEMMERS: Partial<Record<DocumentLanguage, (word: string) => string>> = {
  ru: russian,
  en: english,
  hy: armenian,
}

/** True when word forms of `language` are matched by their stem, not only whole. */
export const hasStemmer = (language: DocumentLanguage): boolean => language in STEMMERS

const segmenters = new Map<DocumentLanguage, Intl.Segmenter>()

/** The words of a text, lower-cased and stemmed: "Персональных данных" → ['персональн', 'дан']. */
export const stemWords = (text: string, language: DocumentLanguage): string[] => {
  let segmenter = segmenters.get(language)
  if (!segmenter) {
    segmenter = new Intl.Segmenter(documentLanguageInfo(language).locale, { granularity: 'word' })
    segmenters.set(language, segmenter)
  }
  const stem = STEMMERS[language] ?? ((word: string) => word)
  const locale = documentLanguageInfo(language).locale
  const words: string[] = []
  for (const part of segmenter.segment(text)) {
    // 'ё' and 'е' are one letter to a reader (and to the Russian stemmer's suffixes).
    if (part.isWordLike)
      words.push(stem(part.segment.toLocaleLowerCase(locale).replaceAll('ё', 'е')))
  }
  return words
}

/** True when the stemmed `phrase` occurs in the stemmed `words` as a run. */
export const containsPhrase = (words: readonly string[], phrase: readonly string[]): boolean => {
  if (phrase.length === 0) return false
  outer: for (let i = 0; i + phrase.length <= words.length; i++) {
    for (let j = 0; j < phrase.length; j++) if (words[i + j] !== phrase[j]) continue outer
    return true
  }
  return false
}
