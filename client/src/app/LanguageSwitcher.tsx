import { LANGUAGES, type Language } from '@accord/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { storeLanguage } from '../i18n/storedLanguage'
import { switchLanguage } from '../i18n/switchLanguage'
import { useAnnouncer } from '../ui/useAnnouncer'
import { api } from './api'
import { useAuth } from './useAuth'
import { useErrorMessage } from './useErrorMessage'

/**
 * The interface language, switchable on every page without reloading: the page re-renders in
 * place (an open document keeps its state). Remembered in this browser, and in the account
 * when someone is signed in (the profile page shows the same setting).
 */
export const LanguageSwitcher = () => {
  const { t, i18n } = useTranslation()
  const id = useId()
  const { user, setUser } = useAuth()
  const announce = useAnnouncer()
  const errorMessage = useErrorMessage()

  const choose = (language: Language) => {
    storeLanguage(language)
    void switchLanguage(i18n, language).then((switched) => {
      if (!switched) announce(t('errors.network_error'))
    })
    if (!user) return
    api.updateProfile({ language }).then(
      (answer) => setUser(answer.user),
      (error: unknown) => announce(errorMessage(error)),
    )
  }

  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('language.label')}
      </label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => choose(event.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          // Each language is named in itself, so people find their own whatever the UI shows.
          <option key={language} value={language} lang={language}>
            {t(`language.${language}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
