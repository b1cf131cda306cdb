import { documentLanguageInfo } from '@accord/protocol'
import type { ExportMeta } from '../ExportMeta.js'
import { isoDate } from '../formatDate.js'
import { htmlBlock, htmlInlines } from '../html/htmlBlocks.js'
import { HTML_STYLES } from '../html/htmlStyles.js'
import { titleLines } from '../model/titleLines.js'
import { htmlElement as h, raw } from '../xml.js'
import type { BilingualSource } from './BilingualMeta.js'
import { type BilingualCell, bilingualRows } from './bilingualRows.js'

const BILINGUAL_STYLES = `
body { max-width: 72rem; }
table.bilingual { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.bilingual th, table.bilingual td { vertical-align: top; text-align: left; padding: 0.5rem 0.75rem; border-top: 1px solid #c8c8c8; }
table.bilingual .missing { color: #595959; font-style: italic; }
`

const cell = (content: BilingualCell | null, meta: ExportMeta, level: 1 | 2) =>
  h(
    'td',
    { lang: meta.language },
    content === null
      ? h('p', { class: 'missing' }, '—')
      : [
          content.heading
            ? h(
                level === 1 ? 'h2' : 'h3',
                // What this column's references link to (`#clause-…`, as in `htmlInlines`).
                { id: content.anchor ? `clause-${content.anchor}` : undefined },
                htmlInlines(content.heading),
              )
            : null,
          content.blocks.map(htmlBlock),
        ],
  )

/**
 * A two-column HTML copy of a translation: source on the left, translation on the right, one
 * table row per clause, each cell marked with its language. Standalone, like `toHtml`.
 */
export const toBilingualHtml = (source: BilingualSource, target: BilingualSource): string => {
  const { rows, sourceMeta, targetMeta } = bilingualRows(source, target)
  const lines = titleLines(targetMeta)
  const page = h(
    'html',
    { lang: targetMeta.language },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: 'Accord' }),
      h('title', {}, `${lines.title} — ${lines.version}`),
      h('style', {}, raw(HTML_STYLES + BILINGUAL_STYLES)),
    ),
    h(
      'body',
      {},
      h(
        'header',
        { class: 'title-block' },
        h('h1', {}, lines.title),
        h('p', { class: 'meta', lang: sourceMeta.language }, sourceMeta.title),
        h('p', { class: 'meta' }, lines.version),
        h('p', { class: 'meta' }, h('time', { datetime: isoDate(targetMeta.date) }, lines.date)),
      ),
      h(
        'main',
        {},
        h(
          'table',
          { class: 'bilingual' },
          h(
            'thead',
            {},
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'col', lang: sourceMeta.language },
                documentLanguageInfo(sourceMeta.language).nativeName,
              ),
              h(
                'th',
                { scope: 'col', lang: targetMeta.language },
                documentLanguageInfo(targetMeta.language).nativeName,
              ),
            ),
          ),
          h(
            'tbody',
            {},
            rows.map((row) =>
              h(
                'tr',
                { id: row.clauseId ? `clause-${row.clauseId}` : undefined },
                cell(row.source, sourceMeta, row.level),
                cell(row.target, targetMeta, row.level),
              ),
            ),
          ),
        ),
      ),
    ),
  )
  return `<!DOCTYPE html>\n${page.markup}\n`
}
