/** The export formats, as the API's `format` parameter names them. */
export const EXPORT_FORMATS = ['docx', 'odt', 'pdf', 'html', 'md', 'akn'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The formats a two-column source/translation copy (`bilingual=1`) is written in. */
export const BILINGUAL_FORMATS = ['docx', 'pdf', 'html'] as const satisfies readonly ExportFormat[]
export type BilingualFormat = (typeof BILINGUAL_FORMATS)[number]

/**
 * How an export treats open suggestions, as the API's `suggestions` parameter names it:
 * `clean` writes the agreed text (every open suggestion left out, as if rejected); `tracked`
 * writes a review copy that shows them as tracked changes with author and time.
 */
export const SUGGESTION_MODES = ['clean', 'tracked'] as const
export type SuggestionMode = (typeof SUGGESTION_MODES)[number]
