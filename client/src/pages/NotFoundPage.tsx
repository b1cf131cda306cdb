import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { usePageTitle } from '../app/usePageTitle'

export const NotFoundPage = () => {
  const { t } = useTranslation()
  usePageTitle(t('notFound.title'))
  return (
    <section className="narrow">
      <h1>{t('notFound.title')}</h1>
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </section>
  )
}
