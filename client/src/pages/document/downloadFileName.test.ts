import { describe, expect, it } from 'vitest'
import { downloadFileName } from './downloadFileName'

describe('downloadFileName', () => {
  it('prefers the UTF-8 name, so Cyrillic titles survive', () => {
    const name = 'Декларация - Проект 2 - 2024-10-09.pdf'
    expect(
      downloadFileName(
        `attachment; filename="Deklaratsiia - Proekt 2 - 2024-10-09.pdf"; filename*=UTF-8''${encodeURIComponent(name)}`,
      ),
    ).toBe(name)
  })

  it('falls back to the plain name, and to null without one', () => {
    expect(downloadFileName('attachment; filename="a \\"b\\".md"')).toBe('a "b".md')
    expect(downloadFileName('attachment; filename*=UTF-8\'\'%E0%A4%A; filename="x.md"')).toBe(
      'x.md',
    )
    expect(downloadFileName('attachment')).toBeNull()
    expect(downloadFileName(null)).toBeNull()
  })
})
