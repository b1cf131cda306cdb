/**
 * A small XML/HTML writer in which text is escaped unless it is already markup. Every
 * string child and attribute value is escaped, so a title like `<script>` or `A & B` can only
 * ever come out as text; markup is a `Markup` value made by `element` (or `raw` for the
 * writer's own constant snippets).
 */

export interface Markup {
  readonly markup: string
}

export type Child = Markup | string | null | undefined | false | readonly Child[]

export type Attributes = Record<string, string | number | boolean | null | undefined>

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
}

// Characters XML forbids never get here: the export model (`model/xmlSafe.ts`) drops them
// from every string a writer is given.
export const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c)

/** Trusted markup: only for the writers' own constant snippets, never for document text. */
export const raw = (markup: string): Markup => ({ markup })

const serialize = (child: Child): string => {
  if (child === null || child === undefined || child === false) return ''
  if (typeof child === 'string') return escapeXml(child)
  if (Array.isArray(child)) return child.map(serialize).join('')
  return (child as Markup).markup
}

const attributes = (attrs: Attributes): string =>
  Object.entries(attrs)
    .filter(([, value]) => value !== null && value !== undefined && value !== false)
    .map(([name, value]) =>
      value === true ? ` ${name}` : ` ${name}="${escapeXml(String(value))}"`,
    )
    .join('')

/** An XML element: `<name attrs>children</name>`, or `<name attrs/>` when it has no children. */
export const element = (name: string, attrs: Attributes = {}, ...children: Child[]): Markup => {
  const inner = children.map(serialize).join('')
  const open = `<${name}${attributes(attrs)}`
  return raw(inner === '' ? `${open}/>` : `${open}>${inner}</${name}>`)
}

const VOID_HTML = new Set(['br', 'hr', 'meta', 'link', 'img'])

/** An HTML element: void elements have no end tag, every other one always has one (`<p></p>`). */
export const htmlElement = (name: string, attrs: Attributes = {}, ...children: Child[]): Markup => {
  const open = `<${name}${attributes(attrs)}>`
  return raw(VOID_HTML.has(name) ? open : `${open}${children.map(serialize).join('')}</${name}>`)
}

/** Joins children into one piece of markup. */
export const fragment = (...children: Child[]): Markup => raw(children.map(serialize).join(''))

/** An XML document: declaration plus root. */
export const xmlDocument = (root: Markup): string =>
  `<?xml version="1.0" encoding="UTF-8"?>\n${root.markup}`
