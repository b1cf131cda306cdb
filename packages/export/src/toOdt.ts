import { documentLanguageInfo } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime } from './formatDate.js'
import { type ExportAppendix, type ExportModel, exportModel } from './model/exportModel.js'
import { titleLines } from './model/titleLines.js'
import { OdtBlocks, odtHeading } from './odt/OdtBlocks.js'
import { OdtText, odtText } from './odt/OdtText.js'
import { ODF_NAMESPACES } from './odt/odtNamespaces.js'
import { odtPackage } from './odt/odtPackage.js'
import { contentStyles, fontFaces, stylesXml } from './odt/odtStyles.js'
import { wordsFor } from './words.js'
import { type Child, element as e, xmlDocument } from './xml.js'

const appendix = ({ heading, entries }: ExportAppendix, meta: ExportMeta): Child[] => {
  const words = wordsFor(meta.language)
  return [
    odtHeading(2, heading),
    ...entries.flatMap((comment) => [
      odtHeading(3, comment.clauseLabel ?? words.noClause),
      comment.quote ? e('text:p', { 'text:style-name': 'Quotations' }, `«${comment.quote}»`) : null,
      ...comment.messages.flatMap((message) => [
        e(
          'text:p',
          { 'text:style-name': 'Text_20_body' },
          `${message.author}, ${dateTime(message.createdAt, meta.language)}`,
        ),
        e('text:p', { 'text:style-name': 'Text_20_body' }, odtText(message.body)),
      ]),
    ]),
  ]
}

const metaXml = (meta: ExportMeta): string =>
  xmlDocument(
    e(
      'office:document-meta',
      ODF_NAMESPACES,
      e(
        'office:meta',
        {},
        e('meta:generator', {}, 'Accord'),
        e('dc:title', {}, meta.title),
        e('dc:subject', {}, titleLines(meta).version),
        e('dc:language', {}, documentLanguageInfo(meta.language).locale),
        e('dc:date', {}, meta.date.toISOString()),
      ),
    ),
  )

/**
 * The open threads whose words are in the text as annotations: the first message's author
 * and time as the annotation's, its body, then each reply as "author, time:" and its body
 * (ODF 1.3 has no replies of its own).
 */
const annotations = (model: ExportModel) => {
  const { language } = model.meta
  const out = new Map<number, { name: string; content: Child[] }>()
  for (const index of model.placedComments) {
    const [first, ...replies] = model.comments[index]?.messages ?? []
    if (!first) continue
    out.set(index, {
      name: `comment-${index + 1}`,
      content: [
        e('dc:creator', {}, first.author),
        e('dc:date', {}, first.createdAt.toISOString()),
        e('text:p', {}, odtText(first.body)),
        ...replies.flatMap((reply) => [
          e('text:p', {}, `${reply.author}, ${dateTime(reply.createdAt, language)}:`),
          e('text:p', {}, odtText(reply.body)),
        ]),
      ],
    })
  }
  return out
}

/**
 * An OpenDocument text (ODF 1.3), the open standard's counterpart of the DOCX export; a
 * review copy's open threads are annotations on their words (and in the appendix).
 */
export const toOdt = (json: JSONContent, given: ExportMeta): Uint8Array => {
  const model = exportModel(json, given)
  const { meta } = model
  const lines = titleLines(meta)
  const text = new OdtText(annotations(model))
  const blocks = new OdtBlocks(text)
  const body = [
    e('text:p', { 'text:style-name': 'Title' }, lines.title),
    e('text:p', { 'text:style-name': 'Subtitle' }, `${lines.version} · ${lines.date}`),
    model.preface.map((block) => blocks.block(block)),
    model.body.map((item) => (item.type === 'clause' ? blocks.clause(item) : blocks.block(item))),
    model.conclusions.map((block) => blocks.block(block)),
    model.appendices.map((part) => appendix(part, meta)),
  ]
  // The text styles, and whether the table styles are needed, are known once the body is written.
  const office = e('office:body', {}, e('office:text', {}, body))
  const content = e(
    'office:document-content',
    ODF_NAMESPACES,
    fontFaces(),
    contentStyles(text.styles(), blocks.wroteTables),
    office,
  )
  return odtPackage(
    {
      'content.xml': xmlDocument(content),
      'styles.xml': xmlDocument(stylesXml(meta.language)),
      'meta.xml': metaXml(meta),
    },
    meta.date,
  )
}
