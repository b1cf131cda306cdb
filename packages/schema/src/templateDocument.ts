import type { JSONContent } from '@tiptap/core'
import { ClauseNode } from './clauseNodeNames.js'
import type { DocumentLanguage } from './documentSettings.js'
import { jsonToUpdate } from './fragment.js'
import { newClauseId } from './newClauseId.js'
import { clauseHeadingJSON, headingJSON, paragraphJSON } from './plainText/jsonBlocks.js'

/** The most clauses a template may ask for; a longer text is pasted, not templated. */
export const MAX_TEMPLATE_CLAUSES = 200

export interface TemplateOptions {
  /** The document's title, the first line of the text (a level-1 heading). */
  title: string
  /** Preface text; blank lines separate its paragraphs. Default: one empty paragraph. */
  preface?: string
  /** How many empty clauses follow the preface (0 to MAX_TEMPLATE_CLAUSES). */
  clauses: number
  /**
   * The document's language. The JSON itself is language-neutral (labels are computed), so
   * only `templateUpdate` uses it, to write the document setting.
   */
  language: DocumentLanguage
}

const prefaceBlocks = (preface: string | undefined): JSONContent[] => {
  const paragraphs = (preface ?? '')
    .split(/\n\s*\n/)
    .map((paragraph) => paragraph.replace(/\s+/g, ' ').trim())
    .filter((paragraph) => paragraph !== '')
  return paragraphs.length > 0 ? paragraphs.map(paragraphJSON) : [paragraphJSON('')]
}

/** An empty clause: an empty heading and one empty paragraph to write the body in. */
export const emptyClauseJSON = (): JSONContent => ({
  type: ClauseNode.clause,
  attrs: { id: newClauseId() },
  content: [clauseHeadingJSON(''), paragraphJSON('')],
})

/** A new document: title, preface and `clauses` empty clauses, each with its own id. */
export const templateDocument = ({ title, preface, clauses }: TemplateOptions): JSONContent => {
  const count = Math.max(0, Math.min(MAX_TEMPLATE_CLAUSES, Math.floor(clauses)))
  return {
    type: 'doc',
    content: [
      headingJSON(1, title.trim()),
      ...prefaceBlocks(preface),
      ...Array.from({ length: count }, emptyClauseJSON),
    ],
  }
}

/** The Yjs update of a new document from a template, its language setting included. */
export const templateUpdate = (options: TemplateOptions): Uint8Array =>
  jsonToUpdate(templateDocument(options), { language: options.language })
