import type { JSONContent } from '@tiptap/core'
import { ClauseNode } from './clauseNodeNames.js'
import { clauseKindOf } from './plainText/clauseKind.js'
import { DocumentBuilder } from './plainText/DocumentBuilder.js'
import { headingMarker } from './plainText/lineMarkers.js'
import { isHardWrapped, sourceLines, typicalWidth } from './plainText/sourceLines.js'

export interface TextToDocumentOptions {
  /** Make a short first paragraph without closing punctuation the title (a level-1 heading). Default true. */
  title?: boolean
}

/**
 * Plain text → an Accord document: a preface, then clauses. Recognises headings written
 * "1. Title", "1) Title", "Статья 3. Title", "Article 3", "Раздел II", "Section 2" and
 * sub-items "1.1 …"; re-joins lines that a PDF viewer or e-mail client wrapped (blank lines
 * included, when the text is hard-wrapped throughout); keeps "-", "•" and numbered lists.
 * Every clause gets a fresh id.
 */
export const textToDocument = (text: string, options: TextToDocumentOptions = {}): JSONContent => {
  const lines = sourceLines(text)
  const clauseKind = clauseKindOf(lines.map((line) => headingMarker(line.text)))
  const builder = new DocumentBuilder(clauseKind, {
    hardWrapped: isHardWrapped(lines),
    width: typicalWidth(lines),
  })
  for (const line of lines) builder.add(line)
  return builder.finish(options.title ?? true)
}

/** True when `text` holds at least two numbered clauses: worth turning into clauses on paste. */
export const looksLikeClauses = (text: string): boolean =>
  (textToDocument(text, { title: false }).content ?? []).filter(
    (node) => node.type === ClauseNode.clause,
  ).length >= 2
