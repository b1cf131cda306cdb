import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useLocation, useParams } from 'wouter'
import { inboxApi } from '../app/api'
import { useAction } from '../app/useAction'
import { useAuth } from '../app/useAuth'
import { usePageTitle } from '../app/usePageTitle'
import { FormMessage } from '../ui/FormMessage'
import { NewPasswordField } from '../ui/NewPasswordField'
import { Progress } from '../ui/Progress'

type Reset = { email: string } | 'loading' | 'invalid'

/** The landing page of a reset link from the mail: a new password, then the documents. */
export const ResetPasswordPage = () => {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const { setUser } = useAuth()
  const [, navigate] = useLocation()
  const { busy, error, run } = useAction()
  const [reset, setReset] = useState<Reset>('loading')
  usePageTitle(t('reset.title'))

  useEffect(() => {
    let current = true
    inboxApi
      .reset(token)
      .then((found) => current && setReset(found))
      .catch(() => current && setReset('invalid'))
    return () => {
      current = false
    }
  }, [token])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const password = String(new FormData(event.currentTarget).get('password'))
    void run(async () => {
      setUser((await inboxApi.completeReset(token, password)).user)
      navigate('/', { replace: true })
    })
  }

  return (
    <section className="narrow">
      <h1>{t('reset.title')}</h1>
      {reset === 'loading' && <Progress label={t('app.loading')} />}
      {reset === 'invalid' && (
        <p role="alert">
          {t('reset.invalid')} <Link to="/forgot">{t('signIn.forgot')}</Link>
        </p>
      )}
      {typeof reset === 'object' && (
        <form onSubmit={submit}>
          <p>{t('reset.intro', { email: reset.email })}</p>
          <NewPasswordField />
          <FormMessage error={error} />
          <button type="submit" disabled={busy}>
            {t('reset.submit')}
          </button>
        </form>
      )}
    </section>
  )
}
