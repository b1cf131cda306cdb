import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** Names a review round by when it was open, in the UI language's date and time format. */
export const useRoundLabel = (): ((openedAt: string, closedAt: string | null) => string) => {
  const { t, i18n } = useTranslation()
  // Made once per language: a formatter costs about a millisecond, and the comments panel
  // renders again while people type.
  const format = useMemo(
    () => new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    [i18n.language],
  )
  return useMemo(() => {
    const time = (iso: string) => format.format(new Date(iso))
    return (openedAt: string, closedAt: string | null) =>
      closedAt === null
        ? t('compilationRounds.roundOpen', { opened: time(openedAt) })
        : t('compilationRounds.roundClosed', { opened: time(openedAt), closed: time(closedAt) })
  }, [format, t])
}
