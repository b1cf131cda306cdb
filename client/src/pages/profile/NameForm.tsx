import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { useAuth, useUser } from '../../app/useAuth'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'

/** The name others see on carets, in the presence list and on comments. */
export const NameForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const user = useUser()
  const { setUser } = useAuth()
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const name = String(new FormData(event.currentTarget).get('name')).trim()
    setSaved(false)
    void run(async () => {
      setUser((await api.updateProfile({ name })).user)
      setSaved(true)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('profile.nameHeading')}</h2>
      <form onSubmit={submit} className="inline-form">
        <Field
          label={t('common.name')}
          name="name"
          defaultValue={user.name}
          autoComplete="name"
          required
          maxLength={120}
        />
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
      <FormMessage error={error} success={saved ? t('common.saved') : null} />
    </section>
  )
}
