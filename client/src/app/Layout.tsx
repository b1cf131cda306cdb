import { useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useMatch } from 'react-router'
import { EDITOR_ID } from '../editor/editorId'
import { Header } from './Header'
import { SkipLink } from './SkipLink'
import { useFocusOnNavigation } from './useFocusOnNavigation'

/** The frame of every page: skip link, header, and the main landmark. */
export const Layout = () => {
  const { t } = useTranslation()
  const inEditor = useMatch('/documents/:id') !== null
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigation(main)
  return (
    <>
      <SkipLink
        target={inEditor ? EDITOR_ID : 'main'}
        label={inEditor ? t('app.skipToEditor') : t('app.skipToContent')}
      />
      <Header />
      <main id="main" ref={main} tabIndex={-1}>
        <Outlet />
      </main>
    </>
  )
}
