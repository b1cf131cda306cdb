import { useTranslation } from 'react-i18next'
import { Field } from './Field'

/** A field for choosing a password, with the length rules the server enforces (8–256). */
export const NewPasswordField = ({ label }: { label?: string }) => {
  const { t } = useTranslation()
  return (
    <Field
      label={label ?? t('common.password')}
      hint={t('common.passwordHint')}
      name="password"
      type="password"
      autoComplete="new-password"
      required
      minLength={8}
      maxLength={256}
    />
  )
}
