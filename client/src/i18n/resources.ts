import en from './en.json'
import ru from './ru.json'

/**
 * Every UI string, per language, for types and tests. `en` is the reference: its shape types
 * `t()` keys. The app itself loads one language at a time (i18n.ts).
 */
export const resources = {
  en: { translation: en },
  ru: { translation: ru },
} as const
