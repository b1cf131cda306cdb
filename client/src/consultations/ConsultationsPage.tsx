import {
  atLeast,
  type Consultation,
  type DocumentInfo,
  PUBLIC_COMMENT_STATUSES,
  Role,
} from '@accord/protocol'
import { type FormEvent, useCallback, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { api, consultationsApi } from '../app/api'
import { useAction } from '../app/useAction'
import { useUser } from '../app/useAuth'
import { useErrorMessage } from '../app/useErrorMessage'
import { usePageTitle } from '../app/usePageTitle'
import { FormMessage } from '../ui/FormMessage'
import { LocalTime } from '../ui/LocalTime'
import { Progress } from '../ui/Progress'
import { useAnnouncer } from '../ui/useAnnouncer'
import { ModerationList } from './ModerationList'
import { OpenConsultationForm } from './OpenConsultationForm'
import { useModerationNews } from './useModerationNews'
import './consultations.css'

/**
 * `/documents/:id/consultations`: the document's public consultations. The secretariat opens
 * one from a named version; coordinators moderate the public's comments and decide on them;
 * the secretariat erases one person's data on request.
 */
export const ConsultationsPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const user = useUser()
  const errorMessage = useErrorMessage()
  const announce = useAnnouncer()
  const titleId = useId()
  const [document, setDocument] = useState<DocumentInfo | null>(null)
  const [consultations, setConsultations] = useState<Consultation[] | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [moderating, setModerating] = useState<string | null>(null)
  usePageTitle(document ? t('consultations.pageTitle', { title: document.title }) : '')

  const load = useCallback(() => {
    Promise.all([api.document(id), consultationsApi.list(id)]).then(([doc, list]) => {
      setDocument(doc)
      setConsultations(list.consultations)
      setError(null)
    }, setError)
  }, [id])
  useEffect(load, [load])
  // Comments arriving and other coordinators' moderation change the counts and the open list.
  const followModeration = useModerationNews(id, load)

  if (!document || !consultations) {
    return error ? <p role="alert">{errorMessage(error)}</p> : <Progress label={t('app.loading')} />
  }
  const mayModerate = atLeast(user.role, Role.coordinator)
  const chosen = consultations.find((c) => c.id === moderating)

  return (
    <article className="page consultations-page" aria-labelledby={titleId}>
      <h1 id={titleId}>{t('consultations.pageTitle', { title: document.title })}</h1>
      <p>
        <Link to={`/documents/${encodeURIComponent(document.id)}`}>
          {t('consultations.backToDocument')}
        </Link>
      </p>
      {/* A reading again in the background that failed: what is shown (and typed) stays. */}
      {error !== null && <p role="alert">{errorMessage(error)}</p>}
      {consultations.length === 0 ? (
        <p>{t('consultations.none')}</p>
      ) : (
        <ul className="consultation-list">
          {consultations.map((c) => (
            <li key={c.id} className="card">
              <h2>
                <a href={c.url}>{c.url}</a>
              </h2>
              <p>
                {c.versionName} · {t(`consultations.state.${c.state}`)} · {t('consultations.dates')}{' '}
                <LocalTime iso={c.opensAt} /> — <LocalTime iso={c.closesAt} />
              </p>
              <p>
                {PUBLIC_COMMENT_STATUSES.map((s) =>
                  t(`consultations.count.${s}`, { count: c.counts[s] }),
                ).join(' · ')}
              </p>
              <p className="form-actions">
                {mayModerate && (
                  <button
                    type="button"
                    aria-expanded={moderating === c.id}
                    onClick={() => setModerating(moderating === c.id ? null : c.id)}
                  >
                    {t('consultations.moderate')}
                  </button>
                )}
                <a href={consultationsApi.compilationUrl(document.id, c.id, 'csv')}>
                  {t('consultations.compilation', { format: 'CSV' })}
                </a>
                <a href={consultationsApi.compilationUrl(document.id, c.id, 'xlsx')}>
                  {t('consultations.compilation', { format: 'XLSX' })}
                </a>
              </p>
            </li>
          ))}
        </ul>
      )}
      {chosen && mayModerate && (
        <ModerationList
          key={chosen.id}
          consultation={chosen}
          onChanged={load}
          follow={followModeration}
        />
      )}
      {user.role === Role.secretariat && (
        <>
          <OpenConsultationForm
            documentId={document.id}
            onOpened={(c) => {
              announce(t('consultations.opened', { url: c.url }))
              load()
            }}
          />
          <EraseForm />
        </>
      )}
    </article>
  )
}

/** The secretariat erases one person's data on request, by their e-mail address. */
const EraseForm = () => {
  const { t } = useTranslation()
  const ids = { heading: useId(), email: useId(), hint: useId() }
  const { busy, error, run } = useAction()
  const [done, setDone] = useState<string | null>(null)
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = event.currentTarget
    const email = String(new FormData(form).get('email') ?? '')
    setDone(null)
    void run(async () => {
      const { comments } = await consultationsApi.erase(email)
      setDone(t('consultations.erased', { count: comments }))
      form.reset()
    })
  }
  return (
    <form className="card erase-form" onSubmit={submit} aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('consultations.eraseHeading')}</h2>
      <div className="field">
        <label htmlFor={ids.email}>{t('consultations.eraseEmail')}</label>
        <input id={ids.email} name="email" type="email" required aria-describedby={ids.hint} />
        <p id={ids.hint} className="hint">
          {t('consultations.eraseHint')}
        </p>
      </div>
      <FormMessage error={error} success={done} />
      <button type="submit" disabled={busy}>
        {t('consultations.erase')}
      </button>
    </form>
  )
}
