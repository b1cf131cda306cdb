import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime, isoDate } from './formatDate.js'
import { htmlBlock, htmlClause, htmlFootnotes } from './html/htmlBlocks.js'
import { HTML_STYLES } from './html/htmlStyles.js'
import { type ExportAppendix, exportModel } from './model/exportModel.js'
import { titleLines } from './model/titleLines.js'
import { wordsFor } from './words.js'
import { htmlElement as h, type Markup, raw } from './xml.js'

const appendix = ({ id, heading, entries }: ExportAppendix, meta: ExportMeta): Markup => {
  const words = wordsFor(meta.language)
  return h(
    'section',
    { class: 'comments', 'aria-labelledby': `${id}-heading` },
    h('h2', { id: `${id}-heading` }, heading),
    entries.map((comment) =>
      h(
        'article',
        { class: 'thread' },
        h('h3', {}, comment.clauseLabel ?? words.noClause),
        comment.quote ? h('blockquote', {}, h('p', {}, comment.quote)) : null,
        comment.messages.map((message) =>
          h(
            'div',
            { class: 'message' },
            h(
              'p',
              { class: 'meta' },
              h('strong', {}, message.author),
              ', ',
              h(
                'time',
                { datetime: message.createdAt.toISOString() },
                dateTime(message.createdAt, meta.language),
              ),
            ),
            h('p', { class: 'comment-body' }, message.body),
          ),
        ),
      ),
    ),
  )
}

/**
 * One standalone HTML file: styles inline, no scripts, no external resources. Every piece of
 * text is escaped, so a title or clause holding `<script>` stays text.
 */
export const toHtml = (json: JSONContent, given: ExportMeta): string => {
  const model = exportModel(json, given)
  const { meta } = model
  const lines = titleLines(meta)
  const page = h(
    'html',
    { lang: meta.language },
    h(
      'head',
      {},
      h('meta', { charset: 'utf-8' }),
      h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
      h('meta', { name: 'generator', content: 'Accord' }),
      h('title', {}, `${lines.title} — ${lines.version}`),
      h('style', {}, raw(HTML_STYLES)),
    ),
    h(
      'body',
      {},
      h(
        'header',
        { class: 'title-block' },
        h('h1', {}, lines.title),
        h('p', { class: 'meta' }, lines.version),
        h('p', { class: 'meta' }, h('time', { datetime: isoDate(meta.date) }, lines.date)),
      ),
      h(
        'main',
        {},
        model.preface.map(htmlBlock),
        model.body.map((item) => (item.type === 'clause' ? htmlClause(item) : htmlBlock(item))),
        model.conclusions.map(htmlBlock),
        htmlFootnotes(model.footnotes),
      ),
      model.appendices.map((part) => appendix(part, meta)),
    ),
  )
  return `<!DOCTYPE html>\n${page.markup}\n`
}
