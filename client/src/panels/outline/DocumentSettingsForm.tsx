import { documentLanguageInfo } from '@accord/protocol'
import {
  CLAUSE_LABEL_STYLES,
  DOCUMENT_LANGUAGES,
  formatClauseLabel,
  writeSettings,
} from '@accord/schema'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type * as Y from 'yjs'
import { useDocumentSettings } from '../../editor/useDocumentSettings'

interface DocumentSettingsFormProps {
  ydoc: Y.Doc
  /** False shows the settings without letting them change (as the server would refuse). */
  editable: boolean
  /** A translation's language is what it is a translation into: shown, not changed. */
  languageFixed?: boolean
}

/**
 * The language of the document's text and the style of its clause labels. They live in the
 * shared document, so a change reaches everyone at once, like an edit of the text.
 */
export const DocumentSettingsForm = ({
  ydoc,
  editable,
  languageFixed = false,
}: DocumentSettingsFormProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const languageId = useId()
  const labelId = useId()
  const settings = useDocumentSettings(ydoc)

  return (
    <section className="document-settings" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('documentSettings.heading')}</h2>
      <div className="field">
        <label htmlFor={languageId}>{t('documentSettings.language')}</label>
        <select
          id={languageId}
          value={settings.language}
          disabled={!editable || languageFixed}
          onChange={(event) => {
            const language = DOCUMENT_LANGUAGES.find((value) => value === event.target.value)
            if (language) writeSettings(ydoc, { language })
          }}
        >
          {DOCUMENT_LANGUAGES.map((language) => (
            // Each language by its own name, in its own language.
            <option key={language} value={language} lang={language}>
              {documentLanguageInfo(language).nativeName}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={labelId}>{t('documentSettings.clauseLabel')}</label>
        <select
          id={labelId}
          value={settings.clauseLabel}
          disabled={!editable}
          onChange={(event) => {
            const clauseLabel = CLAUSE_LABEL_STYLES.find((value) => value === event.target.value)
            if (clauseLabel) writeSettings(ydoc, { clauseLabel })
          }}
        >
          {/* Each style shown as it would label the third clause in this document. */}
          {CLAUSE_LABEL_STYLES.map((style) => (
            <option key={style} value={style}>
              {formatClauseLabel('3', style, settings.language)}
            </option>
          ))}
        </select>
      </div>
    </section>
  )
}
