import en from './en.json'
import ru from './ru.json'

/** Every UI string, per language. `en` is the reference: its shape types `t()` keys. */
export const resources = {
  en: { translation: en },
  ru: { translation: ru },
} as const
