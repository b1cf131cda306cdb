import { type AnyExtension, getExtensionField, getSchema } from '@tiptap/core'
import { Link } from '@tiptap/extension-link'
import type { MarkType, TagParseRule } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { documentExtensions } from '../extensions.js'
import { isSafeHref, LinkMark } from './LinkMark.js'

/** Tiptap's link extension as the schema had it before it declared the mark itself. */
const tiptapLink = Link.configure({
  openOnClick: false,
  autolink: true,
  protocols: ['http', 'https', 'mailto'],
  isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && /^(https?:|mailto:|#|\/)/i.test(url),
})

const linkIn = (extensions: AnyExtension[]): MarkType => {
  const link = getSchema(extensions).marks.link
  if (!link) throw new Error('no link mark')
  return link
}
const ours = linkIn(documentExtensions())
const tiptaps = linkIn(documentExtensions().map((each) => (each === LinkMark ? tiptapLink : each)))

const HREFS = [
  'https://ombudsman.kz/report',
  'http://example.org',
  'MAILTO:secretariat@example.org',
  '#clause-4',
  '/documents/1',
  'javascript:alert(1)',
  ' javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'ftp://files.example.org',
  'tel:+77001234567',
  'vbscript:x',
  ' http://x.org',
  '',
  null,
]

/** What each parse rule makes of an `<a href>` (a stand-in element: only `getAttribute` is read). */
const parsed = (type: MarkType, href: string | null) =>
  (type.spec.parseDOM as TagParseRule[]).map((rule) =>
    rule.getAttrs?.({ getAttribute: () => href } as unknown as HTMLElement),
  )

const withoutFunctions = (type: MarkType) =>
  JSON.stringify(type.spec, (_, value) => (typeof value === 'function' ? 'function' : value))

describe('the link mark', () => {
  it('is the mark Tiptap’s link extension declared with the options the schema gave it', () => {
    expect(withoutFunctions(ours)).toBe(withoutFunctions(tiptaps))
    for (const field of ['priority', 'keepOnSplit', 'exitable'] as const) {
      expect(getExtensionField(LinkMark, field), field).toEqual(
        getExtensionField(tiptapLink, field),
      )
    }
  })

  it('draws and reads every address as Tiptap’s did', () => {
    for (const href of HREFS) {
      const attrs = { href, title: 'Доклад', class: 'ref' }
      expect(ours.spec.toDOM?.(ours.create(attrs), true), String(href)).toEqual(
        tiptaps.spec.toDOM?.(tiptaps.create(attrs), true),
      )
      expect(parsed(ours, href), String(href)).toEqual(parsed(tiptaps, href))
    }
  })

  it('keeps only addresses of the web, e-mail and this site', () => {
    expect(HREFS.filter(isSafeHref)).toEqual([
      'https://ombudsman.kz/report',
      'http://example.org',
      'MAILTO:secretariat@example.org',
      '#clause-4',
      '/documents/1',
    ])
    expect(ours.spec.toDOM?.(ours.create({ href: 'javascript:alert(1)' }), true)).toEqual([
      'a',
      expect.objectContaining({ href: '' }),
      0,
    ])
    expect(parsed(ours, 'data:text/html,x')).toEqual([false])
  })
})
