import i18next, { type BackendModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resolveLanguage } from './resolveLanguage'
import { storedLanguage } from './storedLanguage'

// <html lang> always names the language the UI is shown in (screen readers, hyphenation).
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

/**
 * Only the language shown is downloaded (each is a chunk of its own, ~15 kB gzipped); the
 * other one loads when someone switches to it.
 */
const languageChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, _namespace, callback) => {
    const chunk = language === 'ru' ? import('./ru.json') : import('./en.json')
    chunk.then(
      (strings) => callback(null, strings.default),
      (err: Error) => callback(err, false),
    )
  },
}

/** Resolves once the UI's language is loaded: the app renders after it, never half-translated. */
export const i18nReady: Promise<unknown> = i18next
  .use(languageChunks)
  .use(initReactI18next)
  .init({
    lng: resolveLanguage(storedLanguage()),
    supportedLngs: ['en', 'ru'],
    // Both languages are complete (completeness.test.ts), so none falls back on the other,
    // and the other's chunk is not fetched for nothing.
    fallbackLng: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  })

export { i18next }
