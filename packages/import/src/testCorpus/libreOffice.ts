import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Files as an office suite saves them: LibreOffice (`soffice --headless --convert-to`) opens
 * each input and saves it as `format`. One run for all of them, with a profile of its own so
 * that a LibreOffice already running does not take the job.
 */
export const convertWithLibreOffice = (
  inputs: Record<string, Uint8Array>,
  format: 'docx' | 'odt',
): Record<string, Uint8Array> => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-import-lo-'))
  try {
    const files = Object.entries(inputs).map(([name, bytes]) => {
      const file = path.join(dir, name)
      fs.writeFileSync(file, bytes)
      return file
    })
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        format,
        '--outdir',
        path.join(dir, 'out'),
        ...files,
      ],
      { stdio: 'ignore', timeout: 180_000 },
    )
    return Object.fromEntries(
      Object.keys(inputs).map((name) => {
        const out = `${name.replace(/\.[^.]+$/, '')}.${format}`
        return [out, new Uint8Array(fs.readFileSync(path.join(dir, 'out', out)))]
      }),
    )
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** A shared sample text (../shared/samples beside the repository, as the other packages read it). */
export const sampleText = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(new URL(`../../../../../shared/samples/${name}`, import.meta.url)))
