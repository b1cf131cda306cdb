import { Role } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'wouter'
import { NotificationBell } from '../notifications/NotificationBell'
import { LanguageSwitcher } from './LanguageSwitcher'
import { NavLink } from './NavLink'
import { useAuth } from './useAuth'

interface HeaderProps {
  /** Opens the keyboard shortcuts dialog. */
  onHelp: () => void
}

/** App name, the main navigation for the signed-in account, language, keyboard help, and sign out. */
export const Header = ({ onHelp }: HeaderProps) => {
  const { t } = useTranslation()
  const { user, signOut } = useAuth()
  const [, navigate] = useLocation()

  const leave = async () => {
    await signOut()
    navigate('/')
  }

  return (
    <header className="app-header">
      <Link to="/" className="app-name">
        {t('app.name')}
      </Link>
      {user && (
        <nav aria-label={t('nav.label')}>
          <ul className="nav-list">
            <li>
              <NavLink to="/" end>
                {t('nav.documents')}
              </NavLink>
            </li>
            <li>
              <NavLink to="/work">{t('nav.myWork')}</NavLink>
            </li>
            <li>
              <NavLink to="/glossary">{t('nav.glossary')}</NavLink>
            </li>
            {user.role === Role.secretariat && (
              <>
                <li>
                  <NavLink to="/people">{t('nav.people')}</NavLink>
                </li>
                <li>
                  <NavLink to="/activity">{t('nav.activity')}</NavLink>
                </li>
              </>
            )}
            <li>
              <NavLink to="/profile">{t('nav.profile')}</NavLink>
            </li>
            <li>
              <NotificationBell />
            </li>
          </ul>
        </nav>
      )}
      <div className="account">
        <LanguageSwitcher />
        <button type="button" className="quiet" onClick={onHelp} aria-keyshortcuts="?">
          {t('help.open')}
        </button>
        {user && (
          <>
            <span className="account-name" title={t('nav.signedInAs', { name: user.name })}>
              {user.name}
            </span>
            <button type="button" className="quiet" onClick={leave}>
              {t('nav.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  )
}
