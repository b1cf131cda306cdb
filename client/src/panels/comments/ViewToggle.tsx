import { useTranslation } from 'react-i18next'
import type { CommentsView } from '../../comments/useCommentsView'

const VIEWS: CommentsView[] = ['margin', 'list']

/** Threads beside the text or in one list; a radio group, like the thread filter. */
export const ViewToggle = ({
  value,
  onChange,
}: {
  value: CommentsView
  onChange: (value: CommentsView) => void
}) => {
  const { t } = useTranslation()
  return (
    <fieldset className="thread-filter comments-view">
      <legend className="visually-hidden">{t('comments.view.label')}</legend>
      {VIEWS.map((view) => (
        <label key={view} className={view === value ? 'is-selected' : undefined}>
          <input
            type="radio"
            name="comments-view"
            value={view}
            checked={view === value}
            onChange={() => onChange(view)}
          />
          {t(`comments.view.${view}`)}
        </label>
      ))}
    </fieldset>
  )
}
