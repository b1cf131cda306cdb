import { type DocumentLanguage, documentLanguageInfo } from '@accord/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** The `language` field of a form that adds a language version: each by its own name. */
export const LanguageSelect = ({ languages }: { languages: readonly DocumentLanguage[] }) => {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="field">
      <label htmlFor={id}>{t('translations.language')}</label>
      <select id={id} name="language">
        {languages.map((language) => (
          <option key={language} value={language} lang={language}>
            {documentLanguageInfo(language).nativeName}
          </option>
        ))}
      </select>
    </div>
  )
}
