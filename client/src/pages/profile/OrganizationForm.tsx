import { useTranslation } from 'react-i18next'
import { useUser } from '../../app/useAuth'
import { ProfileTextForm } from './ProfileTextForm'

/** The organization one speaks for: the MB/organization column of the compilation of comments. */
export const OrganizationForm = () => {
  const { t } = useTranslation()
  const user = useUser()
  return (
    <ProfileTextForm
      heading={t('disposition.organizationHeading')}
      label={t('disposition.organizationLabel')}
      hint={t('disposition.organizationHint')}
      initial={user.organization ?? ''}
      autoComplete="organization"
      maxLength={200}
      patch={(organization) => ({ organization: organization || null })}
    />
  )
}
