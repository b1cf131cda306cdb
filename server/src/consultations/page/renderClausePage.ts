import {
  type Block,
  type Child,
  type ExportClause,
  htmlElement as h,
  htmlClause,
} from '@accord/export/core'
import { COMMENT_TYPES, type Language } from '@accord/protocol'
import type { PublicConsultation } from '../readPublicConsultation.js'
import { publicPage } from './pageLayout.js'
import { PAGE_TEXTS, type PageTexts } from './pageTexts.js'
import { pagePath, renderComment } from './renderConsultationPage.js'

/** What the person typed, given back with the form when it is refused. */
export type FormValues = Partial<Record<FormField, string>>
type FormField =
  | 'name'
  | 'organization'
  | 'email'
  | 'type'
  | 'body'
  | 'proposedChange'
  | 'publishName'
  | 'consent'

/** The clause with this id anywhere in the text (clauses and their sub-clauses). */
export const findClause = (
  items: readonly (Block | ExportClause)[],
  id: string,
): ExportClause | undefined => {
  for (const item of items) {
    if (item.type !== 'clause') continue
    if (item.id === id) return item
    const inner = findClause(item.children, id)
    if (inner) return inner
  }
  return undefined
}

const field = (
  id: string,
  label: string,
  control: Child,
  hint?: { id: string; text: string },
): Child => [
  h('label', { for: id }, label),
  hint ? h('p', { class: 'hint', id: hint.id }, hint.text) : null,
  control,
]

const commentForm = (
  view: PublicConsultation,
  clause: ExportClause,
  language: Language,
  t: PageTexts,
  values: FormValues,
  error: string | undefined,
): Child => {
  return h(
    'form',
    {
      class: 'comment-form',
      method: 'post',
      action: pagePath(view.slug, language, `/clauses/${encodeURIComponent(clause.id)}`),
      'aria-labelledby': 'form-heading',
      'accept-charset': 'utf-8',
    },
    h('h2', { id: 'form-heading' }, t.formSummary(clause.label || clause.number)),
    error
      ? h(
          'div',
          // Focused on load: without script, the refused form is a new page, read from here.
          { class: 'error', id: 'form-error', role: 'alert', tabindex: '-1', autofocus: true },
          h('strong', {}, `${t.errorTitle}. `),
          error,
        )
      : null,
    field(
      'name',
      t.name,
      h('input', {
        type: 'text',
        id: 'name',
        name: 'name',
        required: true,
        maxlength: 200,
        autocomplete: 'name',
        value: values.name ?? '',
      }),
    ),
    field(
      'organization',
      t.organization,
      h('input', {
        type: 'text',
        id: 'organization',
        name: 'organization',
        maxlength: 300,
        autocomplete: 'organization',
        value: values.organization ?? '',
      }),
    ),
    field(
      'email',
      t.email,
      h('input', {
        type: 'email',
        id: 'email',
        name: 'email',
        required: true,
        maxlength: 254,
        autocomplete: 'email',
        value: values.email ?? '',
        'aria-describedby': 'email-hint',
      }),
      { id: 'email-hint', text: t.emailHint },
    ),
    field(
      'type',
      t.type,
      h(
        'select',
        { id: 'type', name: 'type' },
        COMMENT_TYPES.map((type) =>
          h(
            'option',
            { value: type, selected: (values.type ?? 'general') === type },
            t.types[type],
          ),
        ),
      ),
    ),
    field(
      'body',
      t.body,
      h(
        'textarea',
        {
          id: 'body',
          name: 'body',
          required: true,
          maxlength: 10_000,
          rows: 8,
        },
        values.body ?? '',
      ),
    ),
    field(
      'proposedChange',
      t.proposed,
      h(
        'textarea',
        { id: 'proposedChange', name: 'proposedChange', maxlength: 10_000, rows: 5 },
        values.proposedChange ?? '',
      ),
    ),
    h(
      'div',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'publishName',
        name: 'publishName',
        value: 'true',
        checked: values.publishName === 'true',
      }),
      ' ',
      h('label', { for: 'publishName' }, t.publishName),
    ),
    h(
      'section',
      { 'aria-labelledby': 'privacy-heading' },
      h('h3', { id: 'privacy-heading' }, t.privacyTitle),
      h('p', { id: 'privacy' }, t.privacy(view.retentionDays)),
    ),
    h(
      'div',
      { class: 'check' },
      h('input', {
        type: 'checkbox',
        id: 'consent',
        name: 'consent',
        value: 'true',
        required: true,
        checked: values.consent === 'true',
        'aria-describedby': 'privacy',
      }),
      ' ',
      h('label', { for: 'consent' }, t.consent),
    ),
    // The honeypot: hidden from people (off screen, out of the tab order, not read aloud);
    // a bot filling every field fills it too.
    h(
      'div',
      { class: 'hp', 'aria-hidden': 'true' },
      h('label', { for: 'website' }, t.honeypot),
      h('input', {
        type: 'text',
        id: 'website',
        name: 'website',
        tabindex: '-1',
        autocomplete: 'off',
      }),
    ),
    h('button', { type: 'submit' }, t.send),
  )
}

/**
 * A clause on its own page with its published comments and the comment form (a plain form
 * POST: no script needed). A refused form comes back here with the message and what was typed.
 */
export const renderClausePage = (
  view: PublicConsultation,
  clause: ExportClause,
  language: Language,
  form: { values?: FormValues; error?: string } = {},
): string => {
  const t = PAGE_TEXTS[language]
  const comments = view.published.filter((c) => c.clauseId === clause.id)
  const label = clause.label || clause.number
  return publicPage(
    language,
    `${form.error ? `${t.errorTitle} — ` : ''}${t.formSummary(label)} — ${view.documentTitle}`,
    h(
      'header',
      { class: 'title-block' },
      h('p', { class: 'kicker' }, t.consultation),
      h('h1', {}, h('a', { href: pagePath(view.slug, language) }, view.documentTitle)),
    ),
    h(
      'main',
      {},
      h('div', { lang: view.text.settings.language }, htmlClause(clause)),
      comments.length > 0
        ? h(
            'section',
            { class: 'public-comments', 'aria-labelledby': 'clause-comments' },
            h('h2', { id: 'clause-comments' }, t.comments(comments.length)),
            comments.map((c) => renderComment(c, t, view.state === 'closed', 3)),
          )
        : null,
      view.state === 'open'
        ? commentForm(view, clause, language, t, form.values ?? {}, form.error)
        : h('p', { class: 'notice' }, view.state === 'closed' ? t.closed : t.scheduled),
    ),
  )
}
