import type { ExportMeta } from '../ExportMeta.js'
import { longDate } from '../formatDate.js'
import { wordsFor } from '../words.js'

/** A copy with open comments or tracked changes is for review, not the text itself. */
export const isReviewCopy = (meta: ExportMeta): boolean =>
  meta.threads !== undefined || meta.suggestions === 'tracked'

/** Which text this is: the final text, a named version, or the current text. */
export const versionLabel = (meta: ExportMeta): string => {
  const words = wordsFor(meta.language)
  if (meta.final) return words.finalText
  return meta.versionName ? `${words.version}: ${meta.versionName}` : words.currentText
}

/** The lines every export opens with: the title, which version (and if a review copy), its date. */
export const titleLines = (meta: ExportMeta): { title: string; version: string; date: string } => {
  const words = wordsFor(meta.language)
  const version = versionLabel(meta)
  return {
    title: meta.title,
    version: isReviewCopy(meta) ? `${version} (${words.reviewCopy})` : version,
    date: longDate(meta.date, meta.language),
  }
}
