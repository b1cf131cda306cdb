import type { ExportMeta } from '../ExportMeta.js'
import { longDate } from '../formatDate.js'
import { wordsFor } from '../words.js'

/** The lines every export opens with: the title, which version, and its date. */
export const titleLines = (meta: ExportMeta): { title: string; version: string; date: string } => {
  const words = wordsFor(meta.language)
  return {
    title: meta.title,
    version: meta.versionName ? `${words.version}: ${meta.versionName}` : words.currentText,
    date: longDate(meta.date, meta.language),
  }
}
