import { zipSync } from 'fflate'
import { text } from './hostileFiles.js'

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
const rel = (id: string, type: string, target: string) =>
  `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}"/>`
const relationships = (rels: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`

/**
 * A .docx of `body` paragraphs, `numbering` definitions (numbering.xml) and, when given,
 * paragraph `styles` (styles.xml), written as Word writes those parts; nothing else.
 */
export const wordFile = (body: string, numbering: string, styles?: string): Uint8Array => {
  const part = (name: string, type: string) =>
    `<Override PartName="/word/${name}.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.${type}+xml"/>`
  return zipSync({
    '[Content_Types].xml': text(
      '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/>' +
        part('document', 'document.main') +
        part('numbering', 'numbering') +
        (styles === undefined ? '' : part('styles', 'styles')) +
        '</Types>',
    ),
    '_rels/.rels': text(relationships(rel('rId1', 'officeDocument', 'word/document.xml'))),
    'word/_rels/document.xml.rels': text(
      relationships(
        rel('rId1', 'numbering', 'numbering.xml') +
          (styles === undefined ? '' : rel('rId2', 'styles', 'styles.xml')),
      ),
    ),
    'word/document.xml': text(
      `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`,
    ),
    'word/numbering.xml': text(
      `<?xml version="1.0" encoding="UTF-8"?><w:numbering ${W}>${numbering}</w:numbering>`,
    ),
    ...(styles === undefined
      ? {}
      : {
          'word/styles.xml': text(
            `<?xml version="1.0" encoding="UTF-8"?><w:styles ${W}>${styles}</w:styles>`,
          ),
        }),
  })
}

/** A paragraph of `t`, in list `numId` at level `ilvl` when given, of paragraph style `style`. */
export const wordParagraph = (
  t: string,
  { numId, ilvl, style }: { numId?: string; ilvl?: string; style?: string } = {},
): string => {
  const numPr =
    numId === undefined && ilvl === undefined
      ? ''
      : `<w:numPr>${ilvl === undefined ? '' : `<w:ilvl w:val="${ilvl}"/>`}${numId === undefined ? '' : `<w:numId w:val="${numId}"/>`}</w:numPr>`
  const pStyle = style === undefined ? '' : `<w:pStyle w:val="${style}"/>`
  const pPr = pStyle || numPr ? `<w:pPr>${pStyle}${numPr}</w:pPr>` : ''
  return `<w:p>${pPr}<w:r><w:t>${t}</w:t></w:r></w:p>`
}
