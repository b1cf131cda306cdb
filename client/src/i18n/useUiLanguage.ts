import type { Language } from '@accord/protocol'
import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { resolveLanguage } from './resolveLanguage'
import { storedLanguage } from './storedLanguage'
import { switchLanguage } from './switchLanguage'

/**
 * Shows the UI in the account's language (else the one chosen in this browser, else the
 * browser's), switching live when it changes.
 */
export const useUiLanguage = (preferred: Language | null | undefined): void => {
  const { i18n } = useTranslation()
  useEffect(() => {
    const language = resolveLanguage(preferred ?? storedLanguage())
    void switchLanguage(i18n, language)
  }, [i18n, preferred])
}
