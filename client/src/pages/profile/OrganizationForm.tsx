import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { useAuth, useUser } from '../../app/useAuth'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'

/** The organization one speaks for: the MB/organization column of the compilation of comments. */
export const OrganizationForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const user = useUser()
  const { setUser } = useAuth()
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const organization = String(new FormData(event.currentTarget).get('organization')).trim()
    setSaved(false)
    void run(async () => {
      setUser((await api.updateProfile({ organization: organization || null })).user)
      setSaved(true)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('disposition.organizationHeading')}</h2>
      <form onSubmit={submit} className="inline-form">
        <Field
          label={t('disposition.organizationLabel')}
          hint={t('disposition.organizationHint')}
          name="organization"
          defaultValue={user.organization ?? ''}
          autoComplete="organization"
          maxLength={200}
        />
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
      <FormMessage error={error} success={saved ? t('common.saved') : null} />
    </section>
  )
}
