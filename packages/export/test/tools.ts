import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

/**
 * Reading exports back with independent tools: Debian's libxml2-utils (xmllint) and
 * poppler-utils (pdftotext, pdffonts, pdfinfo), as .ci/run installs them.
 */

const AKN_SCHEMA = new URL('../../../../shared/schemas/akn/akomantoso30.xsd', import.meta.url)

/** Runs `work` with a file holding `bytes`, in a directory removed afterwards. */
export const withFile = <T>(
  name: string,
  bytes: Uint8Array | string,
  work: (file: string) => T,
): T => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-export-'))
  try {
    const file = path.join(dir, name)
    fs.writeFileSync(file, bytes)
    return work(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

const run = (command: string, args: string[]): string =>
  execFileSync(command, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })

/** Validates against the official OASIS schema; throws with xmllint's messages when invalid. */
export const validateAkn = (xml: string): void => {
  withFile('export.xml', xml, (file) =>
    run('xmllint', ['--noout', '--nonet', '--schema', AKN_SCHEMA.pathname, file]),
  )
}

/** Throws unless the XML is well-formed. */
export const checkWellFormed = (xml: string | Uint8Array): void => {
  withFile('part.xml', xml, (file) => run('xmllint', ['--noout', '--nonet', file]))
}

export const pdfText = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => run('pdftotext', ['-enc', 'UTF-8', file, '-']))

export const pdfFonts = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => run('pdffonts', [file]))

export const pdfInfo = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => run('pdfinfo', [file]))

/** The string value of an XPath 1.0 expression over the XML, as xmllint computes it. */
export const xpathString = (xml: string, expression: string): string =>
  withFile('doc.xml', xml, (file) =>
    // xmllint ends its answer with a newline of its own.
    run('xmllint', ['--nonet', '--xpath', `string(${expression})`, file]).replace(/\n$/, ''),
  )

/** Whether LibreOffice (Debian's libreoffice-writer-nogui) is installed here. */
export const hasSoffice = (() => {
  try {
    execFileSync('soffice', ['--version'], { stdio: 'ignore', timeout: 60_000 })
    return true
  } catch {
    return false
  }
})()

/** LibreOffice tests run where it is installed; CI sets ACCORD_LIBREOFFICE=1 so that a missing install fails. */
export const skipWithoutSoffice = !hasSoffice && process.env.ACCORD_LIBREOFFICE !== '1'

/** LibreOffice opens the file `name` and saves it as `to` (a format it knows: pdf, odt, docx). */
export const convertWithLibreOffice = (name: string, bytes: Uint8Array, to: string): Uint8Array => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-lo-'))
  try {
    fs.writeFileSync(path.join(dir, name), bytes)
    // A profile of its own, so a running LibreOffice of the user's does not take the job.
    execFileSync(
      'soffice',
      [
        `-env:UserInstallation=file://${dir}/profile`,
        '--headless',
        '--convert-to',
        to,
        '--outdir',
        dir,
        path.join(dir, name),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    )
    return fs.readFileSync(path.join(dir, name.replace(/\.\w+$/, `.${to}`)))
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

/** The XMP metadata stream, as `pdfinfo -meta` prints it. */
export const pdfMeta = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => run('pdfinfo', ['-meta', file]))

/** qpdf's structural check; throws (non-zero exit) on errors. */
export const qpdfCheck = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => run('qpdf', ['--check', file]))

/** Every object of a PDF as qpdf's JSON (v2) gives it: `obj:N 0 R` → value, and `trailer`. */
export const pdfObjects = (pdf: Uint8Array): Record<string, { value?: unknown }> =>
  withFile('export.pdf', pdf, (file) => {
    const json = JSON.parse(run('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
      qpdf: [unknown, Record<string, { value?: unknown }>]
    }
    return json.qpdf[1]
  })
