import { useTranslation } from 'react-i18next'

/**
 * A timestamp in the UI language's date and time format. Some times come from the shared text
 * (a suggestion's), which any member's client writes: one that is not a date is shown as
 * unknown, never thrown on.
 */
export const LocalTime = ({ iso }: { iso: string }) => {
  const { t, i18n } = useTranslation()
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return <span>{t('common.unknownTime')}</span>
  const formatted = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(date)
  return <time dateTime={iso}>{formatted}</time>
}
