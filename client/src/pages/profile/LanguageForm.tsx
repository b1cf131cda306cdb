import { LANGUAGES, type Language } from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { useAuth, useUser } from '../../app/useAuth'
import { FormMessage } from '../../ui/FormMessage'

/** The option that stands for "no preference": follow the browser's language. */
const BROWSER = 'browser'

/** The interface language: Russian, English, or whatever the browser prefers. Applies at once. */
export const LanguageForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const selectId = useId()
  const user = useUser()
  const { setUser } = useAuth()
  const { busy, error, run } = useAction()
  const [choice, setChoice] = useState<string>(user.language ?? BROWSER)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const language = choice === BROWSER ? null : (choice as Language)
    void run(async () => setUser((await api.updateProfile({ language })).user))
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('profile.languageHeading')}</h2>
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor={selectId}>{t('profile.languageLabel')}</label>
          <select id={selectId} value={choice} onChange={(event) => setChoice(event.target.value)}>
            <option value={BROWSER}>{t('language.browser')}</option>
            {LANGUAGES.map((language) => (
              // Each language is named in itself, so people find their own whatever the UI shows.
              <option key={language} value={language} lang={language}>
                {t(`language.${language}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
      <FormMessage error={error} />
    </section>
  )
}
