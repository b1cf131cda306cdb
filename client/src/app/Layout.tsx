import { useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Outlet, useLocation, useMatch } from 'react-router'
import { EDITOR_ID } from '../editor/editorId'
import { HelpDialog } from '../help/HelpDialog'
import { useHelpShortcut } from '../help/useHelpShortcut'
import { PartBoundary } from '../ui/PartBoundary'
import { Header } from './Header'
import { SkipLink } from './SkipLink'
import { useFocusOnNavigation } from './useFocusOnNavigation'

/** The frame of every page: skip link, header, the main landmark, and the keyboard help. */
export const Layout = () => {
  const { t } = useTranslation()
  const inEditor = useMatch('/documents/:id') !== null
  const { pathname } = useLocation()
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigation(main)
  const [helpOpen, setHelpOpen] = useState(false)
  const openHelp = useCallback(() => setHelpOpen(true), [])
  useHelpShortcut(openHelp)
  return (
    <>
      <SkipLink
        target={inEditor ? EDITOR_ID : 'main'}
        label={inEditor ? t('app.skipToEditor') : t('app.skipToContent')}
      />
      <Header onHelp={openHelp} />
      <main id="main" ref={main} tabIndex={-1}>
        {/* A page that fails to draw leaves the header and navigation usable. */}
        <PartBoundary part="page" resetKeys={[pathname]}>
          <Outlet />
        </PartBoundary>
      </main>
      <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </>
  )
}
