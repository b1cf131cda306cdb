import { BILINGUAL_FORMATS, type BilingualFormat } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import type { BilingualSource } from './bilingual/BilingualMeta.js'
import { toBilingualDocx } from './bilingual/toBilingualDocx.js'
import { toBilingualHtml } from './bilingual/toBilingualHtml.js'
import { toBilingualPdf } from './bilingual/toBilingualPdf.js'
import type { ExportMeta } from './ExportMeta.js'
import { exportFileName } from './fileName.js'
import { type ExportFormat, FORMAT_FILES } from './formats.js'
import { toAkomaNtoso } from './toAkomaNtoso.js'
import { toDocx } from './toDocx.js'
import { toHtml } from './toHtml.js'
import { toMarkdown } from './toMarkdown.js'
import { toOdt } from './toOdt.js'
import { toPdf } from './toPdf.js'

/** A finished export: its bytes and how to offer them as a download. */
export interface ExportedFile {
  bytes: Uint8Array
  contentType: string
  fileName: string
  /** The file name in printable ASCII, for clients that ignore `filename*`. */
  asciiFileName: string
}

const WRITERS: Record<
  ExportFormat,
  (json: JSONContent, meta: ExportMeta) => Uint8Array | string | Promise<Uint8Array>
> = {
  docx: toDocx,
  odt: toOdt,
  pdf: toPdf,
  html: toHtml,
  md: toMarkdown,
  akn: toAkomaNtoso,
}

/** Writes a document (ProseMirror JSON, as `docToJSON` gives it) in one of the export formats. */
export const exportDocument = async (
  format: ExportFormat,
  json: JSONContent,
  meta: ExportMeta,
): Promise<ExportedFile> => {
  const output = await WRITERS[format](json, meta)
  return {
    bytes: typeof output === 'string' ? new TextEncoder().encode(output) : output,
    contentType: FORMAT_FILES[format].contentType,
    ...exportFileName(meta, format),
  }
}

/** Where a bilingual copy may be asked for is the API's to say (@accord/protocol). */
export { BILINGUAL_FORMATS, type BilingualFormat }

const BILINGUAL_WRITERS: Record<
  BilingualFormat,
  (source: BilingualSource, target: BilingualSource) => Uint8Array | string | Promise<Uint8Array>
> = { docx: toBilingualDocx, pdf: toBilingualPdf, html: toBilingualHtml }

/** A translation beside its source, clause by clause, named after the translation. */
export const exportBilingual = async (
  format: BilingualFormat,
  source: BilingualSource,
  target: BilingualSource,
): Promise<ExportedFile> => {
  const output = await BILINGUAL_WRITERS[format](source, target)
  return {
    bytes: typeof output === 'string' ? new TextEncoder().encode(output) : output,
    contentType: FORMAT_FILES[format].contentType,
    ...exportFileName(target.meta, format),
  }
}
