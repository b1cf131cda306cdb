import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'

/** Changes the password; the current one is asked again so an unattended session cannot. */
export const PasswordForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const { busy, error, run } = useAction()
  const [mismatch, setMismatch] = useState(false)
  const [changed, setChanged] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = new FormData(formElement)
    const newPassword = String(form.get('newPassword'))
    setChanged(false)
    const differ = newPassword !== String(form.get('repeatPassword'))
    setMismatch(differ)
    if (differ) return
    void run(async () => {
      await api.changePassword({
        currentPassword: String(form.get('currentPassword')),
        newPassword,
      })
      formElement.reset()
      setChanged(true)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('profile.passwordHeading')}</h2>
      <form onSubmit={submit}>
        <Field
          label={t('profile.currentPassword')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
        />
        <Field
          label={t('profile.newPassword')}
          hint={t('common.passwordHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          required
          minLength={8}
          maxLength={256}
        />
        <Field
          label={t('profile.repeatPassword')}
          name="repeatPassword"
          type="password"
          autoComplete="new-password"
          required
          aria-invalid={mismatch || undefined}
        />
        <FormMessage
          error={mismatch ? t('profile.passwordMismatch') : error}
          success={changed ? t('profile.passwordChanged') : null}
        />
        <button type="submit" disabled={busy}>
          {t('profile.changePassword')}
        </button>
      </form>
    </section>
  )
}
