import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'wouter'
import { api } from '../app/api'
import { useAction } from '../app/useAction'
import { useAuth } from '../app/useAuth'
import { usePageTitle } from '../app/usePageTitle'
import { Field } from '../ui/Field'
import { FormMessage } from '../ui/FormMessage'
import { NewPasswordField } from '../ui/NewPasswordField'
import { Progress } from '../ui/Progress'

/** First start: the one-time link from the server console creates the first secretariat account. */
export const SetupPage = () => {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const { setUser } = useAuth()
  const [, navigate] = useLocation()
  const { busy, error, run } = useAction()
  const [needed, setNeeded] = useState<boolean | null>(null)
  usePageTitle(t('setup.title'))

  useEffect(() => {
    let current = true
    api
      .setupNeeded()
      .then((answer) => current && setNeeded(answer.needed))
      // If the check fails, offer the form anyway: the server has the last word.
      .catch(() => current && setNeeded(true))
    return () => {
      current = false
    }
  }, [])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    void run(async () => {
      const { user } = await api.setup({
        token,
        email: String(form.get('email')),
        name: String(form.get('name')),
        password: String(form.get('password')),
      })
      setUser(user)
      navigate('/', { replace: true })
    })
  }

  return (
    <section className="narrow">
      <h1>{t('setup.title')}</h1>
      {needed === null && <Progress label={t('app.loading')} />}
      {needed === false && (
        <p>
          {t('setup.done')} <Link to="/">{t('setup.toSignIn')}</Link>
        </p>
      )}
      {needed && (
        <form onSubmit={submit}>
          <p>{t('setup.intro')}</p>
          <Field
            label={t('common.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
          />
          <Field
            label={t('common.name')}
            name="name"
            autoComplete="name"
            required
            maxLength={120}
          />
          <NewPasswordField />
          <FormMessage error={error} />
          <button type="submit" disabled={busy}>
            {t('setup.submit')}
          </button>
        </form>
      )}
    </section>
  )
}
