import type { Language } from '@accord/protocol'
import type { i18n as I18n } from 'i18next'

/**
 * Switches the UI to `language` once its strings are loaded. If they cannot be fetched (a tab
 * left open across an upgrade, whose old chunk is gone) the UI stays in the language it is
 * in, rather than showing bare keys; false then.
 */
export const switchLanguage = async (i18n: I18n, language: Language): Promise<boolean> => {
  if (i18n.language === language) return true
  await i18n.loadLanguages(language)
  if (!i18n.hasResourceBundle(language, 'translation')) return false
  await i18n.changeLanguage(language)
  return true
}
