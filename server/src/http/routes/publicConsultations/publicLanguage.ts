import type { Language } from '@accord/protocol'
import type { Request } from 'express'

/**
 * The language a public request is answered in: `?lang=ru|en`, else the browser's
 * Accept-Language (Russian when it names neither language, like the rest of Accord).
 */
export const publicLanguage = (req: Request): Language => {
  const asked = req.query.lang
  if (asked === 'ru' || asked === 'en') return asked
  const accepted = req.acceptsLanguages('ru', 'en')
  return accepted === 'en' ? 'en' : 'ru'
}
