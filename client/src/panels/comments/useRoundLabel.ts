import { useTranslation } from 'react-i18next'

/** Names a review round by when it was open, in the UI language's date and time format. */
export const useRoundLabel = (): ((openedAt: string, closedAt: string | null) => string) => {
  const { t, i18n } = useTranslation()
  const format = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' })
  const time = (iso: string) => format.format(new Date(iso))
  return (openedAt, closedAt) =>
    closedAt === null
      ? t('compilationRounds.roundOpen', { opened: time(openedAt) })
      : t('compilationRounds.roundClosed', { opened: time(openedAt), closed: time(closedAt) })
}
