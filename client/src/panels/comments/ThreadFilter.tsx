import { useTranslation } from 'react-i18next'

export type ThreadFilterValue = 'open' | 'resolved' | 'mine' | 'all'
const FILTERS: ThreadFilterValue[] = ['open', 'resolved', 'mine', 'all']

/** Which threads to list; a radio group, so arrow keys move between the choices. */
export const ThreadFilter = ({
  value,
  onChange,
}: {
  value: ThreadFilterValue
  onChange: (value: ThreadFilterValue) => void
}) => {
  const { t } = useTranslation()
  return (
    <fieldset className="thread-filter">
      <legend className="visually-hidden">{t('comments.filter')}</legend>
      {FILTERS.map((filter) => (
        <label key={filter} className={filter === value ? 'is-selected' : undefined}>
          <input
            type="radio"
            name="thread-filter"
            value={filter}
            checked={filter === value}
            onChange={() => onChange(filter)}
          />
          {t(`comments.filters.${filter}`)}
        </label>
      ))}
    </fieldset>
  )
}
