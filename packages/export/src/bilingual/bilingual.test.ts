import { pdfText } from '@accord/test-support'
import { unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { bilingualPair } from '../../test/bilingualSample.js'
import { toBilingualDocx } from './toBilingualDocx.js'
import { toBilingualHtml } from './toBilingualHtml.js'
import { toBilingualPdf } from './toBilingualPdf.js'

const flat = (value: string) => value.replace(/\s+/g, ' ')

describe('bilingual exports', () => {
  it('HTML: one row per clause, source left and translation right, each cell in its language', () => {
    const { source, target } = bilingualPair()
    const page = new DOMParser().parseFromString(toBilingualHtml(source, target), 'text/html')
    expect(page.documentElement.getAttribute('lang')).toBe('en')
    const rows = [...page.querySelectorAll('tbody tr')]
    expect(rows.map((row) => row.getAttribute('id'))).toEqual([
      null,
      'clause-scope',
      'clause-scope-a',
      'clause-data',
      'clause-new',
    ])
    const cells = (i: number) =>
      [...(rows[i]?.querySelectorAll('td') ?? [])].map((td) => [
        td.getAttribute('lang'),
        [...td.children].map((child) => child.textContent).join(' | '),
      ])
    expect(cells(0)).toEqual([
      ['ru', 'Преамбула устава.'],
      ['en', 'Preamble of the charter.'],
    ])
    expect(cells(2)).toEqual([
      ['ru', 'Статья 1.1. Исключения | Наблюдатели не голосуют.'],
      ['en', 'Article 1.1. Exceptions | Observers do not vote.'],
    ])
    // The clause the translation has not taken yet stands alone, marked missing.
    expect(cells(4)).toEqual([
      ['ru', 'Статья 3. Новая статья | Добавлено позже.'],
      ['en', '—'],
    ])
    expect(page.querySelectorAll('thead th')).toHaveLength(2)
  })

  it('DOCX: a two-column table, one row per clause, in the translation language', async () => {
    const { source, target } = bilingualPair()
    const files = unzipSync(await toBilingualDocx(source, target))
    const xml = new TextDecoder().decode(files['word/document.xml'])
    expect(xml.match(/<w:tr[ >]/g)).toHaveLength(6)
    expect(xml.match(/<w:gridCol /g)).toHaveLength(2)
    expect(xml).toContain('Article 2. ')
    expect(xml).toContain('Статья 2. ')
    expect(new TextDecoder().decode(files['word/styles.xml'])).toContain('w:lang w:val="en-GB"')
  })

  it('PDF: both texts side by side, read back', async () => {
    const { source, target } = bilingualPair()
    const text = flat(pdfText(await toBilingualPdf(source, target)))
    for (const words of [
      'Статья 2. Персональные данные',
      'Article 2. Personal data',
      'Personal data is protected.',
      'Персональные данные защищаются.',
      'Статья 3. Новая статья',
    ])
      expect(text).toContain(words)
  })
})
