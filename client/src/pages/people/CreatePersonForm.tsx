import { type CreatedUser, ROLES, type Role } from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'
import { NewPasswordField } from '../../ui/NewPasswordField'

type Access = 'password' | 'invitation'

/** Adds an account, either with an initial password or with a one-time invitation link. */
export const CreatePersonForm = ({ onCreated }: { onCreated: (created: CreatedUser) => void }) => {
  const { t } = useTranslation()
  const headingId = useId()
  const roleId = useId()
  const { busy, error, run } = useAction()
  const [access, setAccess] = useState<Access>('invitation')
  const [created, setCreated] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const formElement = event.currentTarget
    const form = new FormData(formElement)
    setCreated(null)
    void run(async () => {
      const result = await api.createUser({
        email: String(form.get('email')),
        name: String(form.get('name')),
        role: String(form.get('role')) as Role,
        ...(access === 'password' ? { password: String(form.get('password')) } : {}),
      })
      onCreated(result)
      setCreated(t('people.created', { name: result.user.name }))
      formElement.reset()
      setAccess('invitation')
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('people.createHeading')}</h2>
      <form onSubmit={submit}>
        <Field label={t('common.email')} name="email" type="email" autoComplete="off" required />
        <Field label={t('common.name')} name="name" autoComplete="off" required maxLength={120} />
        <div className="field">
          <label htmlFor={roleId}>{t('common.role')}</label>
          <select id={roleId} name="role" defaultValue="member">
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {t(`roles.${role}`)}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t('people.access')}</legend>
          <label className="choice">
            <input
              type="radio"
              name="access"
              value="invitation"
              checked={access === 'invitation'}
              onChange={() => setAccess('invitation')}
            />
            {t('people.accessInvitation')}
          </label>
          <label className="choice">
            <input
              type="radio"
              name="access"
              value="password"
              checked={access === 'password'}
              onChange={() => setAccess('password')}
            />
            {t('people.accessPassword')}
          </label>
        </fieldset>
        {access === 'password' && <NewPasswordField label={t('people.initialPassword')} />}
        <FormMessage error={error} success={created} />
        <button type="submit" disabled={busy}>
          {t('people.create')}
        </button>
      </form>
    </section>
  )
}
