import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'

/** Names the page in the browser tab and history, which screen readers announce on navigation. */
export const usePageTitle = (title: string): void => {
  const { t } = useTranslation()
  const appName = t('app.name')
  useEffect(() => {
    document.title = title ? `${title} — ${appName}` : appName
  }, [title, appName])
}
