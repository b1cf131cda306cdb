import { documentLanguageInfo } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime } from './formatDate.js'
import { type ExportComment, exportModel } from './model/exportModel.js'
import { titleLines } from './model/titleLines.js'
import { OdtBlocks, odtHeading } from './odt/OdtBlocks.js'
import { OdtText, odtText } from './odt/OdtText.js'
import { ODF_NAMESPACES } from './odt/odtNamespaces.js'
import { odtPackage } from './odt/odtPackage.js'
import { contentStyles, fontFaces, stylesXml } from './odt/odtStyles.js'
import { wordsFor } from './words.js'
import { type Child, element as e, xmlDocument } from './xml.js'

const appendix = (comments: readonly ExportComment[], meta: ExportMeta): Child[] => {
  if (comments.length === 0) return []
  const words = wordsFor(meta.language)
  return [
    odtHeading(2, words.openComments),
    ...comments.flatMap((comment) => [
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

/** An OpenDocument text (ODF 1.3), the open standard's counterpart of the DOCX export. */
export const toOdt = (json: JSONContent, given: ExportMeta): Uint8Array => {
  const model = exportModel(json, given)
  const { meta } = model
  const lines = titleLines(meta)
  const text = new OdtText()
  const blocks = new OdtBlocks(text)
  const body = [
    e('text:p', { 'text:style-name': 'Title' }, lines.title),
    e('text:p', { 'text:style-name': 'Subtitle' }, `${lines.version} · ${lines.date}`),
    model.preface.map((block) => blocks.block(block)),
    model.body.map((item) => (item.type === 'clause' ? blocks.clause(item) : blocks.block(item))),
    model.conclusions.map((block) => blocks.block(block)),
    appendix(model.comments, meta),
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
