import type { Role } from '@accord/protocol'
import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { SignInPage } from '../pages/SignInPage'
import { useAuth } from './useAuth'

interface SignedInProps {
  /** Only this role may see the children; others get a refusal. Default: any account. */
  role?: Role
  children: ReactNode
}

/**
 * Shows the children to a signed-in account and the sign-in form to a visitor.
 * The URL stays put, so signing in lands where the person was heading.
 */
export const SignedIn = ({ role, children }: SignedInProps) => {
  const { t } = useTranslation()
  const { user } = useAuth()
  if (!user) return <SignInPage />
  if (role && user.role !== role) {
    return (
      <p className="page-status" role="alert">
        {t('errors.forbidden')}
      </p>
    )
  }
  return children
}
