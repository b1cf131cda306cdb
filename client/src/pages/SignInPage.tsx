import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { api } from '../app/api'
import { useAction } from '../app/useAction'
import { useAuth } from '../app/useAuth'
import { usePageTitle } from '../app/usePageTitle'
import { Field } from '../ui/Field'
import { FormMessage } from '../ui/FormMessage'

/** Email and password; on success the page the person asked for appears in place. */
export const SignInPage = () => {
  const { t } = useTranslation()
  const { setUser, endedElsewhere } = useAuth()
  const { busy, error, run } = useAction()
  const [setupNeeded, setSetupNeeded] = useState(false)
  usePageTitle(t('signIn.title'))

  useEffect(() => {
    // Only a hint for a brand-new installation; if the check fails, sign-in still works.
    api
      .setupNeeded()
      .then(({ needed }) => setSetupNeeded(needed))
      .catch(() => undefined)
  }, [])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    void run(async () => {
      const { user } = await api.signIn({
        email: String(form.get('email')),
        password: String(form.get('password')),
      })
      setUser(user)
    })
  }

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      {endedElsewhere && (
        <p className="notice" role="status">
          {t('signIn.sessionEnded')}
        </p>
      )}
      {setupNeeded && <p className="notice">{t('signIn.setupNeeded')}</p>}
      <form onSubmit={submit}>
        <Field
          label={t('common.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
        />
        <Field
          label={t('common.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
        />
        <FormMessage error={error} />
        <button type="submit" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p>
        <Link to="/forgot">{t('signIn.forgot')}</Link>
      </p>
    </section>
  )
}
