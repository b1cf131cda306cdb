import { runTool, withFile } from './withFile.js'

/** PDFs read back with independent tools: poppler-utils and qpdf, as .ci/run installs them. */

export const pdfText = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => runTool('pdftotext', ['-enc', 'UTF-8', file, '-']))

/** The text laid out as on the page (`pdftotext -layout`): indentation shows. */
export const pdfLayoutText = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) =>
    runTool('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-']),
  )

export const pdfFonts = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => runTool('pdffonts', [file]))

export const pdfInfo = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => runTool('pdfinfo', [file]))

/** The XMP metadata stream, as `pdfinfo -meta` prints it. */
export const pdfMeta = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => runTool('pdfinfo', ['-meta', file]))

/** qpdf's structural check; throws (non-zero exit) on errors. */
export const qpdfCheck = (pdf: Uint8Array): string =>
  withFile('export.pdf', pdf, (file) => runTool('qpdf', ['--check', file]))

/** Every object of a PDF as qpdf's JSON (v2) gives it: `obj:N 0 R` → value, and `trailer`. */
export const pdfObjects = (pdf: Uint8Array): Record<string, { value?: unknown }> =>
  withFile('export.pdf', pdf, (file) => {
    const json = JSON.parse(runTool('qpdf', ['--json=2', '--json-key=qpdf', file])) as {
      qpdf: [unknown, Record<string, { value?: unknown }>]
    }
    return json.qpdf[1]
  })
