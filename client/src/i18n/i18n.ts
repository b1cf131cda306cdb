import i18next from 'i18next'
import { initReactI18next } from 'react-i18next'
import { resolveLanguage } from './resolveLanguage'
import { resources } from './resources'
import { storedLanguage } from './storedLanguage'

// <html lang> always names the language the UI is shown in (screen readers, hyphenation).
i18next.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

void i18next.use(initReactI18next).init({
  resources,
  lng: resolveLanguage(storedLanguage()),
  fallbackLng: 'en',
  // Resources are bundled, so there is nothing to wait for.
  initAsync: false,
  // React escapes what it renders.
  interpolation: { escapeValue: false },
})

export { i18next }
