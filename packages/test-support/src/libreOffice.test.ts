import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  convertFileWithLibreOffice,
  convertWithLibreOffice,
  skipWithoutLibreOffice,
} from './libreOffice.js'
import { pdfText } from './pdfChecks.js'

const bytes = (text: string) => new TextEncoder().encode(text)

describe('converting with LibreOffice', () => {
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  it('refuses what is not a file name with an extension, and two inputs saved as one file', async () => {
    await expect(convertWithLibreOffice({}, 'pdf')).rejects.toThrow('no files given')
    await expect(convertWithLibreOffice({ '../a.txt': bytes('a') }, 'pdf')).rejects.toThrow(
      '../a.txt is not a file name with an extension',
    )
    await expect(convertWithLibreOffice({ notes: bytes('a') }, 'pdf')).rejects.toThrow(
      'notes is not a file name with an extension',
    )
    await expect(
      convertWithLibreOffice({ 'a.docx': bytes('a'), 'a.odt': bytes('a') }, 'pdf'),
    ).rejects.toThrow('two inputs would be saved as one file (a.pdf,a.pdf)')
  })

  it('says LibreOffice is not installed when there is no soffice on the PATH', async () => {
    vi.stubEnv('PATH', '/nonexistent')
    await expect(convertFileWithLibreOffice('a.txt', bytes('a'), 'pdf')).rejects.toThrow(
      'LibreOffice is not installed: no soffice on the PATH to convert a.txt to pdf',
    )
  })

  describe.skipIf(skipWithoutLibreOffice())('with LibreOffice installed', () => {
    it('two calls at once, each of two files, each with a profile of its own: all four saved', async () => {
      const [first, second] = await Promise.all([
        convertWithLibreOffice(
          { 'a.txt': bytes('Статья первая'), 'b.txt': bytes('Статья вторая') },
          'pdf',
        ),
        convertWithLibreOffice(
          { 'c.txt': bytes('Article three'), 'd.txt': bytes('Article four') },
          'pdf',
        ),
      ])
      expect(Object.keys(first ?? {})).toEqual(['a.pdf', 'b.pdf'])
      expect(Object.keys(second ?? {})).toEqual(['c.pdf', 'd.pdf'])
      const texts = Object.values({ ...first, ...second }).map((pdf) => pdfText(pdf).trim())
      expect(texts).toEqual(['Статья первая', 'Статья вторая', 'Article three', 'Article four'])
    })

    it('a format LibreOffice does not know: rejects, saying nothing was saved', async () => {
      await expect(convertFileWithLibreOffice('a.txt', bytes('a'), 'nosuchformat')).rejects.toThrow(
        'LibreOffice saved no a.nosuchformat from a.txt as nosuchformat',
      )
    })

    it('out of time: rejects, saying so', async () => {
      await expect(
        convertFileWithLibreOffice('a.txt', bytes('a'), 'pdf', { timeoutMs: 200 }),
      ).rejects.toThrow('LibreOffice did not convert a.txt to pdf within 200 ms')
    })
  })
})
