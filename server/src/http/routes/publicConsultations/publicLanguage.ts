import type { Language } from '@accord/protocol'
import type { Request } from 'express'
import Negotiator from 'negotiator'

/** Browsers send a handful of distinct Accept-Language values: each is negotiated once. */
const negotiated = new Map<string | undefined, Language>()
const NEGOTIATED = 64

/**
 * The language of a public answer: `lang` asked in the query (`ru` or `en`), else the
 * browser's Accept-Language (Russian when it names neither language, like the rest of Accord).
 */
export const languageOf = (asked: unknown, acceptLanguage: string | undefined): Language => {
  if (asked === 'ru' || asked === 'en') return asked
  const found = negotiated.get(acceptLanguage)
  if (found) return found
  // What Express's req.acceptsLanguages('ru', 'en') gives (the same negotiator).
  const accepted = new Negotiator({ headers: { 'accept-language': acceptLanguage } }).language([
    'ru',
    'en',
  ])
  const language: Language = accepted === 'en' ? 'en' : 'ru'
  if (negotiated.size >= NEGOTIATED) negotiated.clear()
  negotiated.set(acceptLanguage, language)
  return language
}

/** The language a public request is answered in (see languageOf). */
export const publicLanguage = (req: Request): Language =>
  languageOf(req.query.lang, req.headers['accept-language'])
