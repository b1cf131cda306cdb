import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from '../ExportMeta.js'

/** A source and its translation, each with its own metadata (title, language, labels). */
export interface BilingualSource {
  content: JSONContent
  meta: ExportMeta
}
