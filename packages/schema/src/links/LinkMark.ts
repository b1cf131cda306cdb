import { Mark, mergeAttributes } from '@tiptap/core'

/**
 * The addresses a link may hold: the web, e-mail, or a place in this site. Never one that
 * runs script (`javascript:`) or carries its own content (`data:`).
 */
const SAFE_HREF = /^(https?:|mailto:|#|\/)/i

/** May a link point here? */
export const isSafeHref = (href: unknown): href is string =>
  typeof href === 'string' && SAFE_HREF.test(href)

/** The attributes every link is drawn with, unless it holds its own. */
const LINK_HTML_ATTRIBUTES = { target: '_blank', rel: 'noopener noreferrer nofollow', class: null }

/**
 * The link mark as Tiptap's link extension declares it (name, priority, attributes, parse
 * rule, drawing, inclusive as with autolink on), with only safe addresses kept (`isSafeHref`),
 * and without that extension's address finder (linkifyjs) and its plugins: the schema needs
 * neither, and the editor loads them once the text is shown (the client's `LinkDetection`),
 * so they stay off the way to a document's first keystroke. `LinkMark.test` holds it to
 * Tiptap's declaration.
 */
export const LinkMark = Mark.create({
  name: 'link',
  priority: 1000,
  keepOnSplit: false,
  exitable: true,
  // Typing at a link's end goes on with the link, as Tiptap's does with autolink on.
  inclusive: true,

  addAttributes: () => ({
    href: { default: null, parseHTML: (element) => element.getAttribute('href') },
    target: { default: LINK_HTML_ATTRIBUTES.target },
    rel: { default: LINK_HTML_ATTRIBUTES.rel },
    class: { default: null },
    title: { default: null },
  }),

  parseHTML: () => [
    {
      tag: 'a[href]',
      getAttrs: (dom) => (isSafeHref((dom as HTMLElement).getAttribute('href')) ? null : false),
    },
  ],

  renderHTML: ({ HTMLAttributes }) => [
    'a',
    mergeAttributes(LINK_HTML_ATTRIBUTES, {
      ...HTMLAttributes,
      ...(isSafeHref(HTMLAttributes.href) ? {} : { href: '' }),
    }),
    0,
  ],
})
