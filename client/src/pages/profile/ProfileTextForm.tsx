import type { UpdateProfileRequest } from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { useAuth } from '../../app/useAuth'
import { Field } from '../../ui/Field'
import { FormMessage } from '../../ui/FormMessage'

interface ProfileTextFormProps {
  heading: string
  label: string
  hint?: string
  initial: string
  autoComplete: string
  maxLength: number
  required?: boolean
  /** The profile change the entered (trimmed) text makes. */
  patch: (text: string) => UpdateProfileRequest
}

/** One line of one's own profile (name, organization), saved on its own. */
export const ProfileTextForm = ({
  heading,
  label,
  hint,
  initial,
  autoComplete,
  maxLength,
  required,
  patch,
}: ProfileTextFormProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const { setUser } = useAuth()
  const { busy, error, run } = useAction()
  const [saved, setSaved] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const text = String(new FormData(event.currentTarget).get('text')).trim()
    setSaved(false)
    void run(async () => {
      setUser((await api.updateProfile(patch(text))).user)
      setSaved(true)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{heading}</h2>
      <form onSubmit={submit} className="inline-form">
        <Field
          label={label}
          hint={hint}
          name="text"
          defaultValue={initial}
          autoComplete={autoComplete}
          required={required}
          maxLength={maxLength}
        />
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
      </form>
      <FormMessage error={error} success={saved ? t('common.saved') : null} />
    </section>
  )
}
