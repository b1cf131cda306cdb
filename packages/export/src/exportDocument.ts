import type { JSONContent } from '@tiptap/core'
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
