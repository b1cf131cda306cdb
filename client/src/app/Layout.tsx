import { lazy, type ReactNode, Suspense, useCallback, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useLocation, useRoute } from 'wouter'
import { EDITOR_ID } from '../editor/editorId'
import { useHelpShortcut } from '../help/useHelpShortcut'
import { withMoreStrings } from '../i18n/i18n'
import { PartBoundary } from '../ui/PartBoundary'
import { Progress } from '../ui/Progress'
import { Header } from './Header'
import { SkipLink } from './SkipLink'
import { useFocusOnNavigation } from './useFocusOnNavigation'

// The list of shortcuts loads when first asked for; the shortcut that opens it is always here.
const HelpDialog = lazy(
  withMoreStrings(() =>
    import('../help/HelpDialog').then(({ HelpDialog }) => ({ default: HelpDialog })),
  ),
)

/** The frame of every page: skip link, header, the main landmark, and the keyboard help. */
export const Layout = ({ children }: { children: ReactNode }) => {
  const { t } = useTranslation()
  const [inEditor] = useRoute('/documents/:id')
  const [pathname] = useLocation()
  const main = useRef<HTMLElement>(null)
  useFocusOnNavigation(main)
  const [helpOpen, setHelpOpen] = useState(false)
  // Kept mounted once opened: the dialog itself closes and gives focus back.
  const [helpWanted, setHelpWanted] = useState(false)
  const openHelp = useCallback(() => {
    setHelpWanted(true)
    setHelpOpen(true)
  }, [])
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
          {children}
        </PartBoundary>
      </main>
      {helpWanted && (
        <Suspense fallback={<Progress label={t('app.loading')} />}>
          <HelpDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
        </Suspense>
      )}
    </>
  )
}
