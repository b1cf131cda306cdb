import type { GlossaryEntry } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { checkTerminology, prepareGlossary } from './checkTerminology.js'
import { stemWords } from './stemWords.js'

const entry = (
  id: string,
  terms: GlossaryEntry['terms'],
  forbidden: GlossaryEntry['forbidden'] = {},
): GlossaryEntry => ({
  id,
  terms,
  forbidden,
  note: '',
  updatedAt: '2026-01-01T00:00:00.000Z',
})

const GLOSSARY = [
  entry('pd', { ru: 'персональные данные', en: 'personal data' }, { en: ['private info'] }),
  entry('ombudsman', { ru: 'уполномоченный по правам человека', en: 'ombudsman' }),
]

describe('terminology', () => {
  it('matches Russian and English word forms with the Snowball stemmers', () => {
    expect(stemWords('персональных данных', 'ru')).toEqual(stemWords('Персональные данные', 'ru'))
    expect(stemWords('Personal data', 'en')).toEqual(stemWords('personal data', 'en'))
    expect(stemWords('ombudsmen', 'en')).not.toEqual([])
  })

  it('finds the entries in the source clause, whatever their form', () => {
    const glossary = prepareGlossary(GLOSSARY, 'ru', 'en')
    const result = checkTerminology(
      glossary,
      'Обработка персональных данных граждан',
      'Processing of personal data of citizens',
    )
    expect(result).toEqual({ found: ['pd'], issues: [] })
  })

  it('flags a translation that lacks the preferred term or uses a forbidden variant', () => {
    const glossary = prepareGlossary(GLOSSARY, 'ru', 'en')
    const missing = checkTerminology(
      glossary,
      'Защита персональных данных.',
      'Protection of private info.',
    )
    expect(missing.issues).toEqual([
      {
        kind: 'missing',
        entryId: 'pd',
        sourceTerm: 'персональные данные',
        expected: 'personal data',
      },
      { kind: 'forbidden', entryId: 'pd', variant: 'private info', expected: 'personal data' },
    ])
  })

  it('does not flag an untranslated clause, and matches whole phrases only', () => {
    const glossary = prepareGlossary(GLOSSARY, 'ru', 'en')
    expect(checkTerminology(glossary, 'Персональные данные.', '').issues).toEqual([])
    expect(checkTerminology(glossary, 'Данные персональные.', 'x').found).toEqual([])
  })

  it('matches English sources into Russian targets in any case form', () => {
    const glossary = prepareGlossary(GLOSSARY, 'en', 'ru')
    const result = checkTerminology(
      glossary,
      'Personal data is protected.',
      'Защита персональных данных.',
    )
    expect(result).toEqual({ found: ['pd'], issues: [] })
  })
})
