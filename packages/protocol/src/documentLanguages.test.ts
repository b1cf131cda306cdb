import { describe, expect, it } from 'vitest'
import { DOCUMENT_LANGUAGES, parseDocumentLanguage } from './documentLanguages.js'

describe('document languages', () => {
  it('has at least the working group languages', () => {
    expect(DOCUMENT_LANGUAGES).toEqual(['ru', 'en', 'kk', 'ky', 'hy', 'az', 'uz', 'tg', 'be'])
  })

  it('maps a BCP-47 tag to its document language, as RFC 4647 lookup does', () => {
    expect(parseDocumentLanguage('en')).toEqual({ language: 'en' })
    expect(parseDocumentLanguage('EN-gb')).toEqual({ language: 'en' })
    expect(parseDocumentLanguage('uz-Latn-UZ')).toEqual({ language: 'uz' })
    expect(parseDocumentLanguage('hy-AM')).toEqual({ language: 'hy' })
  })

  it('tells a malformed tag from a language without a table', () => {
    expect(parseDocumentLanguage('en_GB!')).toEqual({ problem: 'malformed' })
    expect(parseDocumentLanguage('12')).toEqual({ problem: 'malformed' })
    expect(parseDocumentLanguage('')).toEqual({ problem: 'malformed' })
    expect(parseDocumentLanguage('de')).toEqual({ problem: 'unsupported' })
    expect(parseDocumentLanguage('tlh')).toEqual({ problem: 'unsupported' })
  })
})
