import type { ExportMeta } from './ExportMeta.js'
import { isoDate } from './formatDate.js'
import { type ExportFormat, FORMAT_FILES } from './formats.js'
import { isReviewCopy } from './model/titleLines.js'
import { xmlSafeText } from './model/xmlSafe.js'
import { wordsFor } from './words.js'

// Characters that no file system or browser accepts in a name, and control characters.
const UNSAFE = /[\p{Cc}<>:"/\\|?*]+/gu
const MAX_PART = 80

// Leading dots would hide the file on Unix; trailing ones Windows drops. A lone surrogate
// (dropped with the other characters XML forbids) could not be percent-encoded in the header.
const clean = (part: string): string =>
  xmlSafeText(part)
    .replace(UNSAFE, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[.\s]+|[.\s]+$/g, '')
    .slice(0, MAX_PART)
    .trim()

// Russian → Latin (a simplified ICAO Doc 9303 scheme), for clients that only read `filename=`.
const LATIN: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'i',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: 'ie',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'iu',
  я: 'ia',
}

const transliterate = (text: string): string =>
  [...text]
    .map((c) => {
      const lower = c.toLowerCase()
      const latin = LATIN[lower]
      if (latin === undefined) return c
      return c === lower ? latin : latin.charAt(0).toUpperCase() + latin.slice(1)
    })
    .join('')

/** Only printable ASCII survives in the fallback name; the rest becomes '_'. */
const ascii = (name: string): string =>
  transliterate(name)
    .replace(/[^\x20-\x7e]+/g, '_')
    .replace(/\s+/g, ' ')

/**
 * The download's file name, carrying title, version (or "Final text"), whether it is a review
 * copy, and date ('Декларация - Проект 2 - копия для рассмотрения - 2024-10-09.docx'), and an
 * ASCII fallback of it for the `filename=` parameter.
 */
export const exportFileName = (
  meta: ExportMeta,
  format: ExportFormat,
): { fileName: string; asciiFileName: string } => {
  const words = wordsFor(meta.language)
  const version = meta.final ? words.finalText : (meta.versionName ?? words.currentText)
  const parts = [
    clean(meta.title) || 'document',
    clean(version),
    isReviewCopy(meta) ? words.reviewCopy : '',
    isoDate(meta.date),
  ].filter(Boolean)
  const fileName = `${parts.join(' - ')}.${FORMAT_FILES[format].extension}`
  return { fileName, asciiFileName: ascii(fileName) }
}
