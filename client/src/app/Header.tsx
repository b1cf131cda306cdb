import { Role } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { Link, NavLink, useNavigate } from 'react-router'
import { useAuth } from './useAuth'

/** App name, the main navigation for the signed-in account, and sign out. */
export const Header = () => {
  const { t } = useTranslation()
  const { user, signOut } = useAuth()
  const navigate = useNavigate()

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
        <>
          <nav aria-label={t('nav.label')}>
            <ul className="nav-list">
              <li>
                <NavLink to="/" end>
                  {t('nav.documents')}
                </NavLink>
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
            </ul>
          </nav>
          <div className="account">
            <span className="account-name" title={t('nav.signedInAs', { name: user.name })}>
              {user.name}
            </span>
            <button type="button" className="quiet" onClick={leave}>
              {t('nav.signOut')}
            </button>
          </div>
        </>
      )}
    </header>
  )
}
