import { type FormEvent, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useParams } from 'wouter'
import { api } from '../app/api'
import { useAction } from '../app/useAction'
import { useAuth } from '../app/useAuth'
import { usePageTitle } from '../app/usePageTitle'
import { Field } from '../ui/Field'
import { FormMessage } from '../ui/FormMessage'
import { NewPasswordField } from '../ui/NewPasswordField'
import { Progress } from '../ui/Progress'

type Invitation = { email: string; name: string } | 'loading' | 'invalid'

/** The landing page of a one-time invitation link: choose a password, then go to the documents. */
export const InvitePage = () => {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const { setUser } = useAuth()
  const [, navigate] = useLocation()
  const { busy, error, run } = useAction()
  const [invitation, setInvitation] = useState<Invitation>('loading')
  usePageTitle(t('invite.title'))

  useEffect(() => {
    let current = true
    api
      .invitation(token)
      .then((found) => current && setInvitation(found))
      .catch(() => current && setInvitation('invalid'))
    return () => {
      current = false
    }
  }, [token])

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const form = new FormData(event.currentTarget)
    void run(async () => {
      const { user } = await api.acceptInvitation(token, {
        name: String(form.get('name')),
        password: String(form.get('password')),
      })
      setUser(user)
      navigate('/', { replace: true })
    })
  }

  return (
    <section className="narrow">
      <h1>{t('invite.title')}</h1>
      {invitation === 'loading' && <Progress label={t('app.loading')} />}
      {invitation === 'invalid' && <p role="alert">{t('invite.invalid')}</p>}
      {typeof invitation === 'object' && (
        <form onSubmit={submit}>
          <p>{t('invite.intro', { email: invitation.email })}</p>
          <Field
            label={t('common.name')}
            name="name"
            defaultValue={invitation.name}
            autoComplete="name"
            required
            maxLength={120}
          />
          <NewPasswordField />
          <FormMessage error={error} />
          <button type="submit" disabled={busy}>
            {t('invite.submit')}
          </button>
        </form>
      )}
    </section>
  )
}
