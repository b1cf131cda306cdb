import { useId } from 'react'
import { useTranslation } from 'react-i18next'

interface DocumentSearchProps {
  value: string
  onChange: (value: string) => void
}

/** Filters the list by title as the person types. */
export const DocumentSearch = ({ value, onChange }: DocumentSearchProps) => {
  const { t } = useTranslation()
  const id = useId()
  return (
    <search className="field">
      <label htmlFor={id}>{t('documents.searchLabel')}</label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        autoComplete="off"
      />
    </search>
  )
}
