import { describe, expect, it } from 'vitest'
import { meta } from '../test/sampleDocuments.js'
import { exportFileName } from './fileName.js'

describe('exportFileName', () => {
  it('carries title, version and date, with a transliterated ASCII fallback', () => {
    expect(exportFileName(meta(), 'docx')).toEqual({
      fileName: 'Декларация Коалиции городов за цифровые права - Проект 2 - 2024-10-09.docx',
      asciiFileName:
        'Deklaratsiia Koalitsii gorodov za tsifrovye prava - Proekt 2 - 2024-10-09.docx',
    })
    expect(exportFileName(meta({ versionName: undefined, language: 'en' }), 'akn').fileName).toBe(
      'Декларация Коалиции городов за цифровые права - Current text - 2024-10-09.akn.xml',
    )
  })

  it('keeps path separators, quotes and control characters out', () => {
    const { fileName, asciiFileName } = exportFileName(
      meta({ title: '../../etc/"passwd"\r\n<script>', versionName: 'v1: «итог» ✓' }),
      'pdf',
    )
    expect(fileName).toBe('etc passwd script - v1 «итог» ✓ - 2024-10-09.pdf')
    expect(asciiFileName).toBe('etc passwd script - v1 _itog_ _ - 2024-10-09.pdf')
    expect(exportFileName(meta({ title: ' ... ' }), 'md').fileName).toBe(
      'document - Проект 2 - 2024-10-09.md',
    )
  })
})
