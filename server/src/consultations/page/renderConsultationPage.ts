import {
  type Child,
  type ExportClause,
  type ExportModel,
  htmlElement as h,
} from '@accord/export/core'
import type { Language } from '@accord/protocol'
import type { PublicConsultation, PublishedComment } from '../readPublicConsultation.js'
import { publicPage } from './pageLayout.js'
import { PAGE_TEXTS, type PageTexts } from './pageTexts.js'
import { renderedText, textWith } from './renderedText.js'

/** One formatter per language: making one costs more than formatting (500 comments a page). */
const formats = new Map<Language, Intl.DateTimeFormat>()

/** Dates as people read them, in UTC (said so), since readers are anywhere. */
export const formatWhen = (date: Date, language: Language): string => {
  let format = formats.get(language)
  if (!format) {
    format = new Intl.DateTimeFormat(language, {
      dateStyle: 'long',
      timeStyle: 'short',
      timeZone: 'UTC',
    })
    formats.set(language, format)
  }
  return `${format.format(date)} UTC`
}

/** Links within the consultation keep the language chosen with `?lang=`. */
export const pagePath = (slug: string, language: Language, rest = ''): string =>
  `/consultations/${encodeURIComponent(slug)}${rest}?lang=${language}`

/** One published comment: the name only with consent; its decision once there is one. */
export const renderComment = (
  comment: PublishedComment,
  t: PageTexts,
  closed: boolean,
  headingLevel: number,
): Child =>
  h(
    'article',
    { class: 'public-comment', id: `comment-${comment.id}` },
    h(
      `h${Math.min(6, headingLevel)}`,
      {},
      [comment.name ?? t.anonymous, comment.organization].filter(Boolean).join(', '),
      ` — ${t.types[comment.type]}`,
    ),
    h('p', { class: 'comment-body' }, comment.body),
    comment.proposedChange
      ? h(
          'p',
          {},
          h('strong', {}, `${t.proposedChange}: `),
          h('span', { class: 'comment-body' }, comment.proposedChange),
        )
      : null,
    comment.decision
      ? h(
          'p',
          { class: 'decision' },
          h('strong', {}, `${t.decision}: `),
          t.decisions[comment.decision],
          comment.reason ? [h('br'), h('strong', {}, `${t.reason}: `), comment.reason] : null,
        )
      : closed
        ? h('p', { class: 'decision' }, t.undecided)
        : null,
  )

/**
 * The public page of a consultation: the introduction, the dates, and the version clause by
 * clause, each with its published comments and (while open) a link to its comment form.
 * After closing it is the public report, with the report's downloads.
 */
export const renderConsultationPage = (view: PublicConsultation, language: Language): string => {
  const model = view.text.model(view.slug, view.documentTitle)
  // Everything the page shows besides the version's text (which the model stands for).
  const key = JSON.stringify([
    language,
    view.slug,
    view.url,
    view.documentTitle,
    view.introduction,
    view.opensAt,
    view.closesAt,
    view.state,
    view.text.name,
    view.text.settings,
    view.retentionDays,
  ])
  const kept = pages.get(model)?.get(language)
  // The comments are the same list while they are reused (PublishedComments): compared by
  // identity first, by content only when they were read again.
  const published =
    kept && kept.published !== view.published && kept.comments === commentsKey(view.published)
      ? kept.published
      : view.published
  if (kept?.key === key && kept.published === published) {
    kept.published = view.published
    return kept.html
  }
  const html = renderPage(view, language, model)
  const byLanguage = pages.get(model) ?? new Map<Language, KeptPage>()
  byLanguage.set(language, {
    key,
    published: view.published,
    comments: commentsKey(view.published),
    html,
  })
  pages.set(model, byLanguage)
  return html
}

interface KeptPage {
  /** Everything the page shows besides the text and the comments. */
  key: string
  /** The comment list it was last given, and its content. */
  published: PublishedComment[]
  comments: string
  html: string
}

const commentsKey = (published: PublishedComment[]): string => JSON.stringify(published)

/**
 * The last page of each version in each language, with what it showed: every reader gets the
 * same page until a comment is published or decided, or the consultation opens or closes, so
 * 50 readers reloading it do not render it 50 times.
 */
const pages = new WeakMap<ExportModel, Map<Language, KeptPage>>()

const renderPage = (view: PublicConsultation, language: Language, model: ExportModel): string => {
  const t = PAGE_TEXTS[language]
  const closed = view.state === 'closed'
  const byClause = new Map<string, PublishedComment[]>()
  for (const comment of view.published) {
    const list = byClause.get(comment.clauseId) ?? []
    list.push(comment)
    byClause.set(comment.clauseId, list)
  }
  const afterClause = (clause: ExportClause): Child => {
    const comments = byClause.get(clause.id) ?? []
    const level = clause.level === 1 ? 3 : 4
    return [
      comments.length > 0
        ? h(
            'section',
            {
              class: 'public-comments',
              'aria-labelledby': `comments-${clause.id}`,
              lang: language,
            },
            h(`h${level}`, { id: `comments-${clause.id}` }, t.comments(comments.length)),
            comments.map((c) => renderComment(c, t, closed, level + 1)),
          )
        : null,
      view.state === 'open'
        ? h(
            'a',
            {
              class: 'comment-link',
              lang: language,
              href: pagePath(view.slug, language, `/clauses/${encodeURIComponent(clause.id)}`),
            },
            t.formSummary(clause.label || clause.number),
          )
        : null,
    ]
  }
  const other: Language = language === 'ru' ? 'en' : 'ru'
  const textLanguage = view.text.settings.language
  const status = view.state === 'scheduled' ? t.scheduled : closed ? t.closed : t.open
  return publicPage(
    language,
    `${view.documentTitle} — ${t.consultation}`,
    h('a', { class: 'skip', href: '#text' }, t.skip),
    h(
      'header',
      { class: 'title-block' },
      h(
        'nav',
        { class: 'languages', 'aria-label': t.otherLanguageName },
        h('a', { href: pagePath(view.slug, other), lang: other, hreflang: other }, t.otherLanguage),
      ),
      h('p', { class: 'kicker' }, t.consultation),
      h('h1', {}, view.documentTitle),
      h('p', { class: 'meta' }, view.text.name),
      h(
        'p',
        { class: 'meta' },
        `${t.opens} `,
        h('time', { datetime: view.opensAt.toISOString() }, formatWhen(view.opensAt, language)),
        ` ${t.closes} `,
        h('time', { datetime: view.closesAt.toISOString() }, formatWhen(view.closesAt, language)),
      ),
    ),
    h(
      'main',
      {},
      h('p', { class: 'notice' }, status),
      closed
        ? h(
            'p',
            {},
            `${t.report}: `,
            h('a', { href: pagePath(view.slug, language, '/report.csv') }, t.reportCsv),
            ', ',
            h('a', { href: pagePath(view.slug, language, '/report.json') }, t.reportJson),
          )
        : null,
      view.introduction
        ? h(
            'section',
            { 'aria-labelledby': 'introduction' },
            h('h2', { id: 'introduction' }, t.introduction),
            h('p', { class: 'intro' }, view.introduction),
          )
        : null,
      h(
        'section',
        { id: 'text', 'aria-labelledby': 'text-heading', lang: textLanguage },
        h('h2', { id: 'text-heading', lang: language }, t.text),
        textWith(renderedText(model), afterClause),
      ),
    ),
  )
}
