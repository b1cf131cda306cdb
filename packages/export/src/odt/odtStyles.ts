import { type DocumentLanguage, documentLanguageInfo } from '@accord/protocol'
import { element as e, type Markup } from '../xml.js'
import { MONOSPACE } from './OdtText.js'
import { ODF_NAMESPACES } from './odtNamespaces.js'

const SERIF = 'Times New Roman'

export const fontFaces = (): Markup =>
  e(
    'office:font-face-decls',
    {},
    e('style:font-face', {
      'style:name': SERIF,
      'svg:font-family': `'${SERIF}'`,
      'style:font-family-generic': 'roman',
    }),
    e('style:font-face', {
      'style:name': MONOSPACE,
      'svg:font-family': `'${MONOSPACE}'`,
      'style:font-family-generic': 'modern',
      'style:font-pitch': 'fixed',
    }),
  )

const paragraphStyle = (
  name: string,
  display: string,
  paragraph: Record<string, string>,
  text: Record<string, string> = {},
  extra: Record<string, string> = {},
): Markup =>
  e(
    'style:style',
    { 'style:name': name, 'style:display-name': display, 'style:family': 'paragraph', ...extra },
    e('style:paragraph-properties', paragraph),
    e('style:text-properties', text),
  )

const heading = (level: number, size: string): Markup =>
  paragraphStyle(
    `Heading_20_${level}`,
    `Heading ${level}`,
    { 'fo:margin-top': '0.42cm', 'fo:margin-bottom': '0.21cm', 'fo:keep-with-next': 'always' },
    { 'fo:font-size': size, 'fo:font-weight': 'bold', 'style:font-weight-complex': 'bold' },
    {
      'style:parent-style-name': 'Standard',
      'style:next-style-name': 'Text_20_body',
      'style:default-outline-level': String(level),
    },
  )

/** Bullets or numbers for five levels of nesting, 0.635 cm apart. */
const listStyle = (name: string, ordered: boolean): Markup =>
  e(
    'text:list-style',
    { 'style:name': name },
    [1, 2, 3, 4, 5].map((level) =>
      e(
        ordered ? 'text:list-level-style-number' : 'text:list-level-style-bullet',
        ordered
          ? { 'text:level': level, 'style:num-suffix': '.', 'style:num-format': '1' }
          : { 'text:level': level, 'text:bullet-char': level % 2 === 1 ? '•' : '◦' },
        e(
          'style:list-level-properties',
          { 'text:list-level-position-and-space-mode': 'label-alignment' },
          e('style:list-level-label-alignment', {
            'text:label-followed-by': 'listtab',
            'text:list-tab-stop-position': `${(level + 1) * 0.635}cm`,
            'fo:text-indent': '-0.635cm',
            'fo:margin-left': `${(level + 1) * 0.635}cm`,
          }),
        ),
      ),
    ),
  )

/** Tables: full width, every cell ruled, header cells on a grey ground. */
const tableStyles = (): Markup[] => [
  e(
    'style:style',
    { 'style:name': 'Tbl', 'style:family': 'table' },
    e('style:table-properties', { 'style:width': '16cm', 'table:align': 'margins' }),
  ),
  e(
    'style:style',
    { 'style:name': 'Cell', 'style:family': 'table-cell' },
    e('style:table-cell-properties', {
      'fo:border': '0.5pt solid #000000',
      'fo:padding': '0.1cm',
    }),
  ),
  e(
    'style:style',
    { 'style:name': 'HeaderCell', 'style:family': 'table-cell' },
    e('style:table-cell-properties', {
      'fo:border': '0.5pt solid #000000',
      'fo:padding': '0.1cm',
      'fo:background-color': '#eeeeee',
    }),
  ),
]

/**
 * The automatic styles of content.xml: the list styles, the table styles when the text has a
 * table, and the text styles of the marks used.
 */
export const contentStyles = (textStyles: readonly Markup[], withTables: boolean): Markup =>
  e(
    'office:automatic-styles',
    {},
    listStyle('L_bullet', false),
    listStyle('L_number', true),
    withTables ? tableStyles() : [],
    textStyles,
  )

/** styles.xml: named paragraph styles (so an office suite's navigator shows the outline), A4 pages, page numbers. */
export const stylesXml = (language: DocumentLanguage): Markup =>
  e(
    'office:document-styles',
    ODF_NAMESPACES,
    fontFaces(),
    e(
      'office:styles',
      {},
      e(
        'style:default-style',
        { 'style:family': 'paragraph' },
        e('style:text-properties', {
          'style:font-name': SERIF,
          'fo:font-size': '12pt',
          'fo:language': language,
          'fo:country': documentLanguageInfo(language).region,
        }),
      ),
      paragraphStyle('Standard', 'Standard', {}),
      paragraphStyle(
        'Text_20_body',
        'Text body',
        { 'fo:margin-bottom': '0.21cm', 'fo:line-height': '115%' },
        {},
        { 'style:parent-style-name': 'Standard' },
      ),
      paragraphStyle(
        'List_20_Contents',
        'List Contents',
        { 'fo:margin-bottom': '0.1cm' },
        {},
        { 'style:parent-style-name': 'Text_20_body' },
      ),
      paragraphStyle(
        'Quotations',
        'Quotations',
        { 'fo:margin-left': '1cm', 'fo:margin-right': '1cm', 'fo:margin-bottom': '0.21cm' },
        { 'fo:font-style': 'italic' },
        { 'style:parent-style-name': 'Standard' },
      ),
      paragraphStyle(
        'Preformatted_20_Text',
        'Preformatted Text',
        { 'fo:margin-bottom': '0.21cm' },
        { 'style:font-name': MONOSPACE, 'fo:font-size': '10pt' },
        { 'style:parent-style-name': 'Standard' },
      ),
      paragraphStyle(
        'Horizontal_20_Line',
        'Horizontal Line',
        {
          'fo:margin-bottom': '0.5cm',
          'fo:border-bottom': '0.5pt solid #808080',
          'fo:padding': '0cm',
        },
        {},
        { 'style:parent-style-name': 'Standard' },
      ),
      paragraphStyle(
        'Title',
        'Title',
        { 'fo:text-align': 'center', 'fo:margin-bottom': '0.3cm' },
        { 'fo:font-size': '20pt', 'fo:font-weight': 'bold' },
        { 'style:parent-style-name': 'Standard' },
      ),
      paragraphStyle(
        'Subtitle',
        'Subtitle',
        { 'fo:text-align': 'center', 'fo:margin-bottom': '0.6cm' },
        { 'fo:font-style': 'italic' },
        { 'style:parent-style-name': 'Standard' },
      ),
      paragraphStyle(
        'Footer',
        'Footer',
        { 'fo:text-align': 'center' },
        { 'fo:font-size': '10pt' },
        { 'style:parent-style-name': 'Standard' },
      ),
      heading(1, '14pt'),
      heading(2, '13pt'),
      heading(3, '12pt'),
      heading(4, '12pt'),
      heading(5, '12pt'),
    ),
    e(
      'office:automatic-styles',
      {},
      e(
        'style:page-layout',
        { 'style:name': 'A4' },
        e('style:page-layout-properties', {
          'fo:page-width': '21cm',
          'fo:page-height': '29.7cm',
          'style:print-orientation': 'portrait',
          'fo:margin-top': '2cm',
          'fo:margin-bottom': '1.5cm',
          'fo:margin-left': '2.5cm',
          'fo:margin-right': '2.5cm',
        }),
        e(
          'style:footer-style',
          {},
          e('style:header-footer-properties', {
            'fo:min-height': '0.6cm',
            'fo:margin-top': '0.4cm',
          }),
        ),
      ),
    ),
    e(
      'office:master-styles',
      {},
      e(
        'style:master-page',
        { 'style:name': 'Standard', 'style:page-layout-name': 'A4' },
        e(
          'style:footer',
          {},
          e(
            'text:p',
            { 'text:style-name': 'Footer' },
            e('text:page-number', { 'text:select-page': 'current' }),
          ),
        ),
      ),
    ),
  )
