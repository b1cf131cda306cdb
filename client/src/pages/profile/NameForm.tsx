import { useTranslation } from 'react-i18next'
import { useUser } from '../../app/useAuth'
import { ProfileTextForm } from './ProfileTextForm'

/** The name others see on carets, in the presence list and on comments. */
export const NameForm = () => {
  const { t } = useTranslation()
  const user = useUser()
  return (
    <ProfileTextForm
      heading={t('profile.nameHeading')}
      label={t('common.name')}
      initial={user.name}
      autoComplete="name"
      required
      maxLength={120}
      patch={(name) => ({ name })}
    />
  )
}
