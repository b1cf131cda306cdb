import {
  BODY_FRAGMENT,
  type DocumentLanguage,
  documentSchema,
  type EncodedAnchor,
  type OutlineEntry,
  outlineOfNode,
  writeSettings,
} from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { anchorComments } from './build/anchorComments.js'
import { buildDocument } from './build/buildDocument.js'
import { decodeText, detectFormat, type ImportFormat } from './detectFormat.js'
import { readDocx } from './docx/readDocx.js'
import { readHtml } from './html/readHtml.js'
import { readMarkdown } from './html/readMarkdown.js'
import { readOdt } from './odt/readOdt.js'
import { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './package/readPackage.js'
import {
  type ImportWarning,
  noteDropped,
  type SourceDocument,
  WarningCode,
} from './SourceDocument.js'
import { warningsOf } from './warnings.js'

/** What an import found, as the API reports it (`report`). */
export interface ImportReport {
  format: ImportFormat
  clauses: number
  comments: number
  suggestions: number
  tables: number
  footnotes: number
  warnings: ImportWarning[]
}

export interface ImportedMessage {
  author: string
  /** ISO 8601: the date the file gives, or the time of the import. */
  createdAt: string
  body: string
}

/** A comment thread of the file, anchored in the new document. */
export interface ImportedThread {
  anchor: EncodedAnchor
  quote: string
  clauseId: string | null
  messages: ImportedMessage[]
}

export interface ImportedDocument {
  /** The document's title: the first heading, else the file's name. */
  title: string
  language: DocumentLanguage
  content: JSONContent
  /** The Yjs update that holds the body and the language setting. */
  update: Uint8Array
  threads: ImportedThread[]
  outline: OutlineEntry[]
  report: ImportReport
}

export interface ImportOptions {
  /** The time of the import, for changes and comments the file gives no date. Default now. */
  now?: Date
  /** What a package may unpack to. Default `DEFAULT_PACKAGE_LIMITS`. */
  limits?: PackageLimits
}

const READERS: Record<ImportFormat, (bytes: Uint8Array, limits: PackageLimits) => SourceDocument> =
  {
    docx: readDocx,
    odt: readOdt,
    md: (bytes) => readMarkdown(decodeText(bytes)),
    html: (bytes) => readHtml(decodeText(bytes)),
  }

const isoOr = (date: string | undefined, fallback: string): string => {
  const time = date ? Date.parse(date) : Number.NaN
  return Number.isFinite(time) ? new Date(time).toISOString() : fallback
}

/** Russian when most letters are Cyrillic. */
const languageOf = (text: string): DocumentLanguage => {
  const cyrillic = (text.match(/\p{Script=Cyrillic}/gu) ?? []).length
  const latin = (text.match(/\p{Script=Latin}/gu) ?? []).length
  return cyrillic >= latin ? 'ru' : 'en'
}

const textOf = (node: JSONContent): string =>
  node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(textOf).join(' ')

const titleOf = (content: JSONContent, fileName: string): string => {
  const heading = content.content?.find((n) => n.type === 'heading')
  const text = heading ? textOf(heading).replace(/\s+/g, ' ').trim() : ''
  const base = fileName.replace(/\.[^.]+$/, '').trim()
  return (text || base || 'Imported document').slice(0, 200)
}

/**
 * A file (.docx, .docm, .odt, .md, .html) → an Accord document: its body as a Yjs update,
 * its comment threads anchored on the same words, tracked changes as suggestions by their
 * original authors, the clause outline and a report. Pure: nothing is stored. Throws
 * `ImportError` for a file that cannot be read.
 */
export const importFile = (
  fileName: string,
  bytes: Uint8Array,
  options: ImportOptions = {},
): ImportedDocument => {
  const format = detectFormat(fileName, bytes)
  const source = READERS[format](bytes, options.limits ?? DEFAULT_PACKAGE_LIMITS)
  const at = (options.now ?? new Date()).toISOString()
  const built = buildDocument(source, at)
  // Checked against the schema: an importer defect fails here, never in people's editors.
  const node = documentSchema().nodeFromJSON(built.content)
  node.check()
  const language = languageOf(node.textContent)

  const ydoc = new Y.Doc()
  const fragment = ydoc.getXmlFragment(BODY_FRAGMENT)
  prosemirrorJSONToYXmlFragment(documentSchema(), built.content, fragment)
  writeSettings(ydoc, { language })
  const { anchored, unanchored } = anchorComments(built.content, built.comments, fragment)
  const update = Y.encodeStateAsUpdate(ydoc)
  ydoc.destroy()
  if (unanchored.length > 0) noteDropped(source, WarningCode.unanchoredComments, unanchored.length)

  const threads: ImportedThread[] = anchored.map(({ range, anchor, clauseId }) => ({
    anchor,
    clauseId,
    quote: range.quote.replace(/\s+/g, ' ').trim().slice(0, 1000),
    messages: range.comment.messages.map((m) => ({
      author: m.author.slice(0, 200),
      createdAt: isoOr(m.date, at),
      body: m.body.slice(0, 10_000) || '…',
    })),
  }))
  return {
    title: titleOf(built.content, fileName),
    language,
    content: built.content,
    update,
    threads,
    outline: outlineOfNode(node),
    report: {
      format,
      ...built.counts,
      comments: threads.length,
      warnings: warningsOf(source.dropped),
    },
  }
}
