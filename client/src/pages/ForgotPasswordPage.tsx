import { type FormEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inboxApi } from '../app/api'
import { useAction } from '../app/useAction'
import { usePageTitle } from '../app/usePageTitle'
import { Field } from '../ui/Field'
import { FormMessage } from '../ui/FormMessage'

/** Asks for a reset link by mail; the answer is the same whether or not the account exists. */
export const ForgotPasswordPage = () => {
  const { t } = useTranslation()
  usePageTitle(t('reset.requestTitle'))
  const { busy, error, run } = useAction()
  const [sent, setSent] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const email = String(new FormData(event.currentTarget).get('email'))
    void run(async () => {
      await inboxApi.requestReset(email)
      setSent(true)
    })
  }

  return (
    <section className="narrow">
      <h1>{t('reset.requestTitle')}</h1>
      {sent ? (
        <p role="status">{t('reset.sent')}</p>
      ) : (
        <form onSubmit={submit}>
          <p>{t('reset.requestIntro')}</p>
          <Field
            label={t('common.email')}
            name="email"
            type="email"
            autoComplete="username"
            required
          />
          <FormMessage error={error} />
          <button type="submit" disabled={busy}>
            {t('reset.send')}
          </button>
        </form>
      )}
    </section>
  )
}
