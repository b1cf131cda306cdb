import type { Language } from '@accord/protocol'

/** The account's language if it chose one, else Russian for Russian-language browsers, else English. */
export const resolveLanguage = (
  preferred: Language | null | undefined,
  browserLanguage: string = navigator.language,
): Language => preferred ?? (browserLanguage.toLowerCase().startsWith('ru') ? 'ru' : 'en')
