import type { ImportWarning, WarningCode } from './SourceDocument.js'

const MESSAGES: Record<WarningCode, string> = {
  images_dropped: 'Images were left out.',
  text_boxes_dropped: 'Text boxes and shapes were left out.',
  fields_as_text:
    'Fields (dates, page numbers, cross-references) were kept as the text they showed.',
  macros_ignored: 'The file holds macros; they were ignored and not stored.',
  format_changes_ignored:
    'Tracked formatting changes were ignored; the text shows the formatting as it is now.',
  comments_without_text: 'Some comments mark no words of the text and were left out.',
  embedded_objects_dropped: 'Embedded objects were left out.',
}

/** What was dropped or changed, each kind once with its count, for the person importing. */
export const warningsOf = (dropped: Map<WarningCode, number>): ImportWarning[] =>
  [...dropped.entries()].map(([code, count]) => ({ code, count, message: MESSAGES[code] }))
