import { type KeyboardEvent, lazy, Suspense, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { withMoreStrings } from '../../i18n/i18n'
import { Progress } from '../../ui/Progress'
import type { ExportPanelProps } from './ExportPanel'
import './exportMenu.css'

// The panel is its own chunk: the menu's button is on the page from the start (an export is
// HTTP and needs no live text), the panel's code arrives when it is first opened or preloaded.
const ExportPanel = lazy(
  withMoreStrings(() => import('./ExportPanel').then((m) => ({ default: m.ExportPanel }))),
)

interface ExportMenuProps extends ExportPanelProps {
  /** Load the panel before the menu is first opened; default false. */
  preload?: boolean
}

/** "Export": a disclosure whose panel chooses the format and options and downloads. */
export const ExportMenu = ({ preload = false, ...panel }: ExportMenuProps) => {
  const { t } = useTranslation()
  const [opened, setOpened] = useState(false)

  // Escape closes the menu and leaves focus on its button, as in any menu.
  const closeOnEscape = (event: KeyboardEvent<HTMLDetailsElement>) => {
    if (event.key !== 'Escape' || !event.currentTarget.open) return
    event.preventDefault()
    event.currentTarget.open = false
    event.currentTarget.querySelector('summary')?.focus()
  }

  return (
    <details
      className="export-menu"
      onKeyDown={closeOnEscape}
      onToggle={(event) => {
        if (event.currentTarget.open) setOpened(true)
      }}
    >
      <summary>{t('export.menu')}</summary>
      {(opened || preload) && (
        <Suspense
          fallback={
            <div className="export-menu-panel">
              <Progress label={t('app.loading')} />
            </div>
          }
        >
          <ExportPanel {...panel} />
        </Suspense>
      )}
    </details>
  )
}
