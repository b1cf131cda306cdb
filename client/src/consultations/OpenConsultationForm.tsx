import type { Consultation, VersionInfo } from '@accord/protocol'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { consultationsApi, historyApi } from '../app/api'
import { useAction } from '../app/useAction'
import { FormMessage } from '../ui/FormMessage'

/** A local date-time `days` from now, in datetime-local's format. */
const inDays = (days: number) => {
  const at = new Date(Date.now() + days * 24 * 60 * 60 * 1000)
  at.setMinutes(at.getMinutes() - at.getTimezoneOffset(), 0, 0)
  return at.toISOString().slice(0, 16)
}

/** The secretariat publishes a named version for public comment. */
export const OpenConsultationForm = ({
  documentId,
  onOpened,
}: {
  documentId: string
  onOpened: (consultation: Consultation) => void
}) => {
  const { t } = useTranslation()
  const ids = {
    heading: useId(),
    version: useId(),
    opens: useId(),
    closes: useId(),
    slug: useId(),
    slugHint: useId(),
    introduction: useId(),
  }
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const { busy, error, run } = useAction()

  useEffect(() => {
    historyApi.versions(documentId).then(
      (r) => setVersions(r.versions.filter((v) => v.kind === 'named')),
      () => setVersions([]),
    )
  }, [documentId])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    const opens = String(form.get('opensAt') ?? '')
    const slug = String(form.get('slug') ?? '').trim()
    void run(async () => {
      const { consultation } = await consultationsApi.create(documentId, {
        versionId: String(form.get('versionId')),
        closesAt: new Date(String(form.get('closesAt'))).toISOString(),
        ...(opens ? { opensAt: new Date(opens).toISOString() } : {}),
        ...(slug ? { slug } : {}),
        introduction: String(form.get('introduction') ?? ''),
      })
      onOpened(consultation)
    })
  }

  if (versions === null) return null
  return (
    <form className="card open-consultation" onSubmit={submit} aria-labelledby={ids.heading}>
      <h2 id={ids.heading}>{t('consultations.openHeading')}</h2>
      {versions.length === 0 ? (
        <p>{t('consultations.noVersions')}</p>
      ) : (
        <>
          <div className="field">
            <label htmlFor={ids.version}>{t('consultations.version')}</label>
            <select id={ids.version} name="versionId" required>
              {versions.map((v) => (
                <option key={v.id} value={v.id}>
                  {v.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.opens}>{t('consultations.opensAt')}</label>
            <input id={ids.opens} name="opensAt" type="datetime-local" />
          </div>
          <div className="field">
            <label htmlFor={ids.closes}>{t('consultations.closesAt')}</label>
            <input
              id={ids.closes}
              name="closesAt"
              type="datetime-local"
              defaultValue={inDays(30)}
              required
            />
          </div>
          <div className="field">
            <label htmlFor={ids.slug}>{t('consultations.slug')}</label>
            <input
              id={ids.slug}
              name="slug"
              pattern="[a-z0-9]+(-[a-z0-9]+)*"
              maxLength={80}
              aria-describedby={ids.slugHint}
            />
            <p id={ids.slugHint} className="hint">
              {t('consultations.slugHint')}
            </p>
          </div>
          <div className="field">
            <label htmlFor={ids.introduction}>{t('consultations.introduction')}</label>
            <textarea id={ids.introduction} name="introduction" rows={4} maxLength={20_000} />
          </div>
          <FormMessage error={error} />
          <button type="submit" disabled={busy}>
            {t('consultations.open')}
          </button>
        </>
      )}
    </form>
  )
}
