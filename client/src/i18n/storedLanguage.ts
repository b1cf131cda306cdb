import { LANGUAGES, type Language } from '@accord/protocol'

const KEY = 'accord.language'

/** The language last chosen in this browser before signing in, if any. */
export const storedLanguage = (): Language | null => {
  try {
    const value = localStorage.getItem(KEY)
    return LANGUAGES.find((language) => language === value) ?? null
  } catch {
    // Storage can be switched off; the browser's language is the answer then.
    return null
  }
}

/** Remembers a choice made in this browser, for visits before signing in. */
export const storeLanguage = (language: Language): void => {
  try {
    localStorage.setItem(KEY, language)
  } catch {
    // Not remembered on this device; the account still remembers it once signed in.
  }
}
