import { documentLanguageInfo } from '@accord/protocol'
import type { DocumentLanguage } from '@accord/schema'

// UTC throughout: an export made on a server in another time zone names the same day.
const localeOf = (language: DocumentLanguage): string => documentLanguageInfo(language).locale

/** '2024-10-09': for file names and machine-readable dates. */
export const isoDate = (date: Date): string => date.toISOString().slice(0, 10)

/** '9 октября 2024 г.' / '9 October 2024': for people. */
export const longDate = (date: Date, language: DocumentLanguage): string =>
  new Intl.DateTimeFormat(localeOf(language), { dateStyle: 'long', timeZone: 'UTC' }).format(date)

/** '9 октября 2024 г., 14:05 UTC': when a comment was written. */
export const dateTime = (date: Date, language: DocumentLanguage): string =>
  `${new Intl.DateTimeFormat(localeOf(language), {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'UTC',
  }).format(date)} UTC`
