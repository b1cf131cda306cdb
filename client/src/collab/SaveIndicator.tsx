import { useTranslation } from 'react-i18next'
import type { SaveState } from './saveState'

/** Whether this tab's changes are saved, in words; announced politely when it changes. */
export const SaveIndicator = ({ state }: { state: SaveState }) => {
  const { t } = useTranslation()
  return (
    <p
      className={`save-state save-state-${state}`}
      role={state === 'failing' ? 'alert' : 'status'}
      aria-live="polite"
      data-testid="save-state"
      data-state={state}
    >
      {t(`save.${state}`)}
    </p>
  )
}
