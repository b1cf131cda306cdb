import type { Language } from '@accord/protocol'
import type { i18n as I18n } from 'i18next'

/**
 * Switches the UI to `language` once its strings are loaded. If they cannot be fetched (a tab
 * left open across an upgrade, whose old chunk is gone) the UI stays in the language it is
 * in, rather than showing bare keys; false then. A later switch fetches them again: i18next
 * would otherwise remember the failure and never ask a second time.
 */
export const switchLanguage = async (i18n: I18n, language: Language): Promise<boolean> => {
  if (i18n.language === language) return true
  // Every namespace loaded so far (the first strings, and the rest once a page needed them).
  const namespaces = [i18n.options.ns ?? []].flat()
  const loaded = () => namespaces.every((ns) => i18n.hasResourceBundle(language, ns))
  if (!loaded()) await i18n.reloadResources([language], namespaces)
  if (!loaded()) return false
  await i18n.changeLanguage(language)
  return true
}
