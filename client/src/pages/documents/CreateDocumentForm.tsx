import type { CreateDocumentBody } from '@accord/protocol'
import { DOCUMENT_LANGUAGES, type DocumentLanguage, documentLanguageInfo } from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation } from 'wouter'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'

/** Clauses a template offers unless the person asks for another number. */
const DEFAULT_CLAUSES = 10
/** The most clauses a template may have (the schema's MAX_TEMPLATE_CLAUSES). */
const MAX_CLAUSES = 200

/**
 * Creates a document and opens it: a new document is made to be written in. It starts blank
 * or from a template (title, preface and N empty numbered clauses), in any of the document languages.
 */
export const CreateDocumentForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const countId = useId()
  const languageId = useId()
  const [, navigate] = useLocation()
  const { busy, error, run } = useAction()
  const [fromTemplate, setFromTemplate] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const title = String(form.get('title')).trim()
    const language = DOCUMENT_LANGUAGES.find((value) => value === form.get('language')) ?? 'ru'
    const clauses = Number(form.get('clauses'))
    const body: CreateDocumentBody = { title, language }
    if (fromTemplate) body.template = { clauses }
    void run(async () => {
      const created = await api.createDocument(body)
      navigate(`/documents/${encodeURIComponent(created.id)}`)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('documents.createHeading')}</h2>
      <form onSubmit={submit} className="create-document">
        <Field label={t('documents.titleLabel')} name="title" required maxLength={300} />
        <fieldset>
          <legend>{t('documents.startWith')}</legend>
          <label className="choice">
            <input
              type="radio"
              name="start"
              checked={!fromTemplate}
              onChange={() => setFromTemplate(false)}
            />
            {t('documents.blank')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="start"
              checked={fromTemplate}
              onChange={() => setFromTemplate(true)}
            />
            {t('documents.template')}
          </label>
        </fieldset>
        <div className="create-document-options">
          <div className="field">
            <label htmlFor={countId}>{t('documents.clauseCount')}</label>
            <input
              id={countId}
              name="clauses"
              type="number"
              min={1}
              max={MAX_CLAUSES}
              defaultValue={DEFAULT_CLAUSES}
              disabled={!fromTemplate}
              required={fromTemplate}
            />
          </div>
          <div className="field">
            <label htmlFor={languageId}>{t('documents.documentLanguage')}</label>
            <select id={languageId} name="language" defaultValue={'ru' satisfies DocumentLanguage}>
              {DOCUMENT_LANGUAGES.map((language) => (
                <option key={language} value={language} lang={language}>
                  {documentLanguageInfo(language).nativeName}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" disabled={busy}>
          {t('documents.create')}
        </button>
      </form>
      <FormMessage error={error} />
    </section>
  )
}
