import type { Language } from '@accord/protocol'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { resolveLanguage } from './resolveLanguage'

/** Shows the UI in the account's language (or the browser's), switching live when it changes. */
export const useUiLanguage = (preferred: Language | null | undefined): void => {
  const { i18n } = useTranslation()
  useEffect(() => {
    const language = resolveLanguage(preferred)
    if (i18n.language !== language) void i18n.changeLanguage(language)
  }, [i18n, preferred])
}
