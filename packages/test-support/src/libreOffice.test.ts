import fs from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
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

  /**
   * An soffice first on the PATH that aborts at start as LibreOffice 7.4 did (its words), its
   * first `crashes` runs, and then saves each .txt input as .pdf, unchanged; counts its runs.
   */
  const sofficeCrashing = async (crashes: number) => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'accord-soffice-'))
    const script = `#!/bin/sh
runs=$(cat "${dir}/runs" 2>/dev/null || echo 0)
runs=$((runs + 1))
echo "$runs" > "${dir}/runs"
if [ "$runs" -le ${crashes} ]; then
  echo "terminate called after throwing an instance of 'com::sun::star::lang::WrappedTargetRuntimeException'" >&2
  echo "Unspecified Application Error" >&2
  exit 1
fi
outdir=""; previous=""
for arg in "$@"; do [ "$previous" = "--outdir" ] && outdir="$arg"; previous="$arg"; done
mkdir -p "$outdir"
for arg in "$@"; do case "$arg" in *.txt) cp "$arg" "$outdir/$(basename "$arg" .txt).pdf";; esac; done
`
    await fs.writeFile(path.join(dir, 'soffice'), script, { mode: 0o755 })
    vi.stubEnv('PATH', `${dir}${path.delimiter}${process.env.PATH}`)
    return {
      runs: async () => Number((await fs.readFile(path.join(dir, 'runs'), 'utf8')).trim()),
      remove: () => fs.rm(dir, { recursive: true, force: true }),
    }
  }

  it('runs soffice once more when it aborted while starting, and reports a second abort', async () => {
    const once = await sofficeCrashing(1)
    try {
      const saved = await convertFileWithLibreOffice('a.txt', bytes('Статья первая'), 'pdf')
      expect(new TextDecoder().decode(saved)).toBe('Статья первая')
      expect(await once.runs()).toBe(2)
    } finally {
      await once.remove()
    }
    vi.unstubAllEnvs()
    const always = await sofficeCrashing(5)
    try {
      await expect(convertFileWithLibreOffice('a.txt', bytes('a'), 'pdf')).rejects.toThrow(
        'Unspecified Application Error',
      )
      expect(await always.runs()).toBe(2)
    } finally {
      await always.remove()
    }
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
