import { type FormEvent, useId } from 'react'
import { useTranslation } from 'react-i18next'
import { useNavigate } from 'react-router'
import { api } from '../../app/api'
import { Field } from '../../app/Field'
import { FormMessage } from '../../app/FormMessage'
import { useAction } from '../../app/useAction'

/** Creates a document from a title and opens it: a new document is made to be written in. */
export const CreateDocumentForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const navigate = useNavigate()
  const { busy, error, run } = useAction()

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const title = String(new FormData(event.currentTarget).get('title')).trim()
    void run(async () => {
      const created = await api.createDocument(title)
      navigate(`/documents/${encodeURIComponent(created.id)}`)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('documents.createHeading')}</h2>
      <form onSubmit={submit} className="inline-form">
        <Field label={t('documents.titleLabel')} name="title" required maxLength={300} />
        <button type="submit" disabled={busy}>
          {t('documents.create')}
        </button>
      </form>
      <FormMessage error={error} />
    </section>
  )
}
