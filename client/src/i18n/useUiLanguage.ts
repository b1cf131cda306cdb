import type { Language } from '@accord/protocol'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { resolveLanguage } from './resolveLanguage'
import { storedLanguage } from './storedLanguage'

/**
 * Shows the UI in the account's language (else the one chosen in this browser, else the
 * browser's), switching live when it changes.
 */
export const useUiLanguage = (preferred: Language | null | undefined): void => {
  const { i18n } = useTranslation()
  useEffect(() => {
    const language = resolveLanguage(preferred ?? storedLanguage())
    if (i18n.language !== language) void i18n.changeLanguage(language)
  }, [i18n, preferred])
}
