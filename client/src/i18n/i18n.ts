import i18next, { type BackendModule } from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resolveLanguage } from './resolveLanguage'
import { storedLanguage } from './storedLanguage'

// <html lang> always names the language the UI is shown in (screen readers, hyphenation).
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

/**
 * Only the language shown is downloaded, and of it first the strings of the app's frame and
 * the document page (`translation`, ~9 kB gzipped in English); those of the other pages and panels
 * opened on demand (`more`) come with their code (`withMoreStrings`). The other language loads
 * when someone switches to it.
 */
const stringChunks = {
  en: { translation: () => import('./en.json'), more: () => import('./en.more.json') },
  ru: { translation: () => import('./ru.json'), more: () => import('./ru.more.json') },
}

const languageChunks: BackendModule = {
  type: 'backend',
  init: () => undefined,
  read: (language, namespace, callback) => {
    const chunks = language === 'ru' ? stringChunks.ru : stringChunks.en
    const chunk = namespace === 'more' ? chunks.more() : chunks.translation()
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
    ns: ['translation'],
    defaultNS: 'translation',
    // A key not among the first strings is looked up among the rest, once they are loaded.
    fallbackNS: 'more',
    // Both languages are complete (completeness.test.ts), so none falls back on the other,
    // and the other's chunk is not fetched for nothing.
    fallbackLng: false,
    // The strings are asked for now, not after a timeout: the entry's other work (a document's
    // code) would otherwise be asked for first and hold the browser's connections.
    initAsync: false,
    // React escapes what it renders.
    interpolation: { escapeValue: false },
  })

/**
 * A loader of a page's or panel's code that resolves once the strings it may show are loaded
 * as well, so that it never shows a bare key; both are fetched at the same time.
 */
export const withMoreStrings =
  <T>(load: () => Promise<T>) =>
  (): Promise<T> =>
    Promise.all([load(), i18next.loadNamespaces('more')]).then(([loaded]) => loaded)

export { i18next }
