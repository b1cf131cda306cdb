import { useTranslation } from 'react-i18next'

/** A timestamp in the UI language's date and time format. */
export const LocalTime = ({ iso }: { iso: string }) => {
  const { i18n } = useTranslation()
  const formatted = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(iso))
  return <time dateTime={iso}>{formatted}</time>
}
