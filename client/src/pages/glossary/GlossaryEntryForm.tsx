import {
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
  documentLanguageInfo,
  type GlossaryEntry,
} from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

interface GlossaryEntryFormProps {
  /** The entry being edited, or null to add a new one. */
  entry: GlossaryEntry | null
  onSaved: (entry: GlossaryEntry) => void
  onCancel: () => void
}

/** Forbidden variants are typed separated by semicolons (terms themselves may hold commas). */
const splitVariants = (text: string): string[] =>
  text
    .split(';')
    .map((variant) => variant.trim())
    .filter(Boolean)

/**
 * Adds or edits one entry: per language the preferred term and the variants not to use,
 * then a note. Languages left empty are not part of the entry.
 */
export const GlossaryEntryForm = ({ entry, onSaved, onCancel }: GlossaryEntryFormProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const fieldId = useId()
  const { busy, error, run } = useAction()
  const [done, setDone] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = new FormData(formElement)
    const terms: Partial<Record<DocumentLanguage, string>> = {}
    const forbidden: Partial<Record<DocumentLanguage, string[]>> = {}
    for (const language of DOCUMENT_LANGUAGES) {
      const term = String(form.get(`term-${language}`) ?? '').trim()
      const variants = splitVariants(String(form.get(`forbidden-${language}`) ?? ''))
      if (term) terms[language] = term
      if (variants.length > 0) forbidden[language] = variants
    }
    const body = { terms, forbidden, note: String(form.get('note') ?? '') }
    setDone(null)
    void run(async () => {
      const saved = entry
        ? (await api.updateGlossaryEntry(entry.id, body)).entry
        : (await api.addGlossaryEntry(body)).entry
      setDone(t(entry ? 'glossary.updated' : 'glossary.added'))
      if (!entry) formElement.reset()
      onSaved(saved)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t(entry ? 'glossary.editHeading' : 'glossary.addHeading')}</h2>
      <form onSubmit={submit}>
        <table className="glossary-form-grid">
          <thead>
            <tr>
              <th scope="col">{t('glossary.language')}</th>
              <th scope="col">{t('glossary.preferredTerm')}</th>
              <th scope="col">{t('glossary.forbiddenVariants')}</th>
            </tr>
          </thead>
          <tbody>
            {DOCUMENT_LANGUAGES.map((language) => {
              const name = documentLanguageInfo(language).nativeName
              return (
                <tr key={language}>
                  <th scope="row" id={`${fieldId}-${language}`}>
                    {name}
                  </th>
                  <td>
                    <input
                      name={`term-${language}`}
                      lang={language}
                      maxLength={300}
                      defaultValue={entry?.terms[language] ?? ''}
                      aria-label={t('glossary.termIn', { language: name })}
                    />
                  </td>
                  <td>
                    <input
                      name={`forbidden-${language}`}
                      lang={language}
                      defaultValue={entry?.forbidden[language]?.join('; ') ?? ''}
                      aria-label={t('glossary.forbiddenIn', { language: name })}
                      aria-describedby={`${fieldId}-hint`}
                    />
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
        <p id={`${fieldId}-hint`} className="hint">
          {t('glossary.variantsHint')}
        </p>
        <div className="field">
          <label htmlFor={`${fieldId}-note`}>{t('glossary.note')}</label>
          <textarea
            id={`${fieldId}-note`}
            name="note"
            maxLength={2000}
            rows={2}
            defaultValue={entry?.note ?? ''}
          />
        </div>
        <FormMessage error={error} success={done} />
        <div className="form-actions">
          <button type="submit" disabled={busy}>
            {t(entry ? 'common.save' : 'glossary.add')}
          </button>
          {entry && (
            <button type="button" className="quiet" onClick={onCancel}>
              {t('common.cancel')}
            </button>
          )}
        </div>
      </form>
    </section>
  )
}
