import en from './en.json'
import enMore from './en.more.json'
import ru from './ru.json'
import ruMore from './ru.more.json'

/**
 * Every UI string, per language, for types and tests. `en` is the reference: its shape types
 * `t()` keys. The app itself loads one language at a time, and its `more` strings only
 * with the pages and panels that show them (i18n.ts).
 */
export const resources = {
  en: { translation: en, more: enMore },
  ru: { translation: ru, more: ruMore },
} as const
