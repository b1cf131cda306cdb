import { type Child, HTML_STYLES, htmlElement as h, raw } from '@accord/export/core'
import type { Language } from '@accord/protocol'

/** The pages' own styles, beside the HTML export's: forms, comments, a skip link. No web fonts. */
const PAGE_STYLES = `
.skip { position: absolute; left: -9999px; }
.skip:focus { position: static; }
.kicker { margin: 0; text-transform: uppercase; letter-spacing: .05em; font-size: .85rem; color: #4a4a4a; }
nav.languages { float: right; }
.notice { padding: .75rem 1rem; border-left: 4px solid #0b4f9c; background: #eef4fb; }
.intro { white-space: pre-wrap; }
.public-comments { margin: 1rem 0 1.5rem; padding-left: 1rem; border-left: 3px solid #c8c8c8; }
.public-comment { margin: 1rem 0; }
.public-comment p { margin: .25rem 0; }
.decision { padding: .25rem .5rem; background: #f4f4f4; }
.comment-link { display: inline-block; margin: .25rem 0 1rem; }
form.comment-form label { display: block; font-weight: bold; margin-top: 1rem; }
form.comment-form .check label { display: inline; font-weight: normal; }
form.comment-form input[type=text], form.comment-form input[type=email], form.comment-form textarea, form.comment-form select { display: block; width: 100%; box-sizing: border-box; font: inherit; padding: .4rem; border: 1px solid #6b6b6b; }
form.comment-form textarea { min-height: 8rem; }
form.comment-form .check { margin-top: 1rem; }
form.comment-form .hint { margin: .25rem 0 0; color: #4a4a4a; font-size: .95rem; }
form.comment-form button { margin-top: 1.25rem; font: inherit; padding: .5rem 1.25rem; background: #0b4f9c; color: #fff; border: 0; }
.hp { position: absolute; left: -9999px; width: 1px; height: 1px; overflow: hidden; }
.error { padding: .75rem 1rem; border-left: 4px solid #b3261e; background: #fbeeee; }
:focus-visible { outline: 3px solid #0b4f9c; outline-offset: 2px; }
`

/**
 * A whole public page: no script, no external resource, styles inline (the CSP the routes
 * send allows nothing else), `lang` on the root.
 */
export const publicPage = (language: Language, title: string, ...body: Child[]): string =>
  `<!doctype html>${
    h(
      'html',
      { lang: language },
      h(
        'head',
        {},
        h('meta', { charset: 'utf-8' }),
        h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
        h('title', {}, title),
        h('style', {}, raw(HTML_STYLES + PAGE_STYLES)),
      ),
      h('body', {}, ...body),
    ).markup
  }`

/**
 * A short page with a heading and a message (thanks, confirmation, not found), a link back
 * and, for the confirmation, the button that does it (a form POST: links are only looked at).
 */
export const messagePage = (
  language: Language,
  title: string,
  message: Child,
  {
    back,
    button,
  }: { back?: { href: string; label: string }; button?: { action: string; label: string } } = {},
): string =>
  publicPage(
    language,
    title,
    h(
      'main',
      {},
      h('h1', {}, title),
      h('p', {}, message),
      button
        ? h(
            'form',
            { method: 'post', action: button.action },
            h('button', { type: 'submit' }, button.label),
          )
        : null,
      back ? h('p', {}, h('a', { href: back.href }, back.label)) : null,
    ),
  )
