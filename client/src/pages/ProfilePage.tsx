import { useTranslation } from 'react-i18next'
import { usePageTitle } from '../app/usePageTitle'
import { LanguageForm } from './profile/LanguageForm'
import { NameForm } from './profile/NameForm'
import { NotificationPrefsForm } from './profile/NotificationPrefsForm'
import { OrganizationForm } from './profile/OrganizationForm'
import { PasswordForm } from './profile/PasswordForm'

/** The signed-in person's own settings. */
export const ProfilePage = () => {
  const { t } = useTranslation()
  usePageTitle(t('profile.title'))
  return (
    <div className="page narrow">
      <h1>{t('profile.title')}</h1>
      <NameForm />
      <OrganizationForm />
      <LanguageForm />
      <NotificationPrefsForm />
      <PasswordForm />
    </div>
  )
}
