import { pdfObjects } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import { strFromU8, unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { bilingualPair } from '../../test/bilingualSample.js'
import type { BilingualSource } from './BilingualMeta.js'
import { toBilingualDocx } from './toBilingualDocx.js'
import { toBilingualHtml } from './toBilingualHtml.js'
import { toBilingualPdf } from './toBilingualPdf.js'

const ref = (clauseId: string): JSONContent => ({ type: 'clauseRef', attrs: { clauseId } })
const words = (value: string): JSONContent => ({ type: 'text', text: value })

/** Appends `inline` content to the first paragraph of the clause with `id`, or of the preamble. */
const refer = (side: BilingualSource, id: string | null, inline: JSONContent[]) => {
  const walk = (node: JSONContent): JSONContent | undefined => {
    if (id === null) return node.content?.find((n) => n.type === 'paragraph')
    if (node.attrs?.id === id) return node.content?.find((n) => n.type === 'paragraph')
    for (const child of node.content ?? []) {
      const found = walk(child)
      if (found) return found
    }
    return undefined
  }
  const paragraph = walk(side.content)
  if (!paragraph) throw new Error(`no paragraph in ${id}`)
  paragraph.content = [...(paragraph.content ?? []), ...inline]
}

/**
 * The bilingual pair with references: the preambles to Article 2, Article 2 to the sub-clause
 * 1.1 and to Article 3 (which only the source has: the translation's reference to it is gone).
 */
const pair = () => {
  const { source, target } = bilingualPair()
  refer(source, null, [words(' См. '), ref('data')])
  refer(target, null, [words(' See '), ref('data')])
  refer(source, 'data', [words(' См. '), ref('scope-a'), words(' и '), ref('new')])
  refer(target, 'data', [words(' See '), ref('scope-a'), words(' and '), ref('new')])
  return { source, target }
}

describe('cross-references in bilingual copies link to their clause in the same column', () => {
  it('HTML: each link goes to an id that exists once, on the heading in its own column', () => {
    const { source, target } = pair()
    const page = new DOMParser().parseFromString(toBilingualHtml(source, target), 'text/html')
    const ids = [...page.querySelectorAll('[id]')].map((el) => el.getAttribute('id'))
    expect(new Set(ids).size).toBe(ids.length)
    const links = [...page.querySelectorAll('a.clause-ref')]
    const seen = links.map((link) => {
      const id = (link.getAttribute('href') ?? '').slice(1)
      const heading = [...page.querySelectorAll('[id]')].find((el) => el.getAttribute('id') === id)
      return [
        link.closest('td')?.getAttribute('lang'),
        link.textContent,
        heading?.closest('td')?.getAttribute('lang'),
        heading?.textContent,
      ]
    })
    expect(seen).toEqual([
      ['ru', 'Статья 2', 'ru', 'Статья 2. Персональные данные'],
      ['en', 'Article 2', 'en', 'Article 2. Personal data'],
      ['ru', 'Статья 1.1', 'ru', 'Статья 1.1. Исключения'],
      ['ru', 'Статья 3', 'ru', 'Статья 3. Новая статья'],
      ['en', 'Article 1.1', 'en', 'Article 1.1. Exceptions'],
    ])
    // The translation has no Article 3: its reference keeps the label, without a link.
    expect(page.body.textContent).toContain('and Article ?')
    expect(links.map((link) => link.textContent)).not.toContain('Article ?')
  })

  it('DOCX: each hyperlink goes to a bookmark on the heading in its own column', async () => {
    const { source, target } = pair()
    const xml = strFromU8(
      unzipSync(await toBilingualDocx(source, target))['word/document.xml'] as Uint8Array,
    )
    const doc = new DOMParser().parseFromString(xml, 'text/xml')
    const all = [...doc.querySelectorAll('*')]
    const column = (el: Element | null | undefined): number => {
      let at = el
      while (at && at.tagName !== 'w:tc') at = at.parentElement
      const row = at?.parentElement
      return row ? [...row.children].filter((c) => c.tagName === 'w:tc').indexOf(at as Element) : -1
    }
    const bookmarks = new Map(
      all
        .filter((el) => el.tagName === 'w:bookmarkStart')
        .map((el) => [el.getAttribute('w:name'), el] as const),
    )
    const text = (el: Element | null | undefined) =>
      [...(el?.querySelectorAll('*') ?? [])]
        .filter((t) => t.tagName === 'w:t')
        .map((t) => t.textContent)
        .join('')
    const seen = all
      .filter((el) => el.tagName === 'w:hyperlink')
      .map((link) => {
        const mark = bookmarks.get(link.getAttribute('w:anchor'))
        return [column(link), text(link), column(mark), text(mark?.parentElement)]
      })
    expect(seen).toEqual([
      [0, 'Статья 2', 0, 'Статья 2. Персональные данные'],
      [1, 'Article 2', 1, 'Article 2. Personal data'],
      [0, 'Статья 1.1', 0, 'Статья 1.1. Исключения'],
      [0, 'Статья 3', 0, 'Статья 3. Новая статья'],
      [1, 'Article 1.1', 1, 'Article 1.1. Exceptions'],
    ])
    // Bookmark names are unique (Word drops a repeated one).
    const names = all
      .filter((el) => el.tagName === 'w:bookmarkStart')
      .map((el) => el.getAttribute('w:name'))
    expect(new Set(names).size).toBe(names.length)
  })

  it('PDF: each link annotation goes to a named destination in its own column', async () => {
    const { source, target } = pair()
    const byRef = pdfObjects(await toBilingualPdf(source, target))
    const objects = Object.values(byRef).map((o) => o.value as Record<string, unknown> | undefined)
    // The named destinations: name, then [page, /XYZ, x, y, zoom].
    const names = objects.find((o) => o?.['/Dests'])?.['/Dests'] as { '/Names': unknown[] }
    const destinations = new Map<string, number[]>()
    for (let i = 0; i < names['/Names'].length; i += 2)
      destinations.set(
        String(names['/Names'][i]).replace(/^u:/, ''),
        names['/Names'][i + 1] as number[],
      )
    const middle = 595.28 / 2
    const side = (x: number) => (x < middle ? 'left' : 'right')
    const seen = objects
      .filter((o) => o?.['/Subtype'] === '/Link')
      .map((link) => {
        const action = byRef[`obj:${String(link?.['/A'])}`]?.value as Record<string, string>
        const name = String(action['/D']).replace(/^u:/, '')
        const to = destinations.get(name)
        const rect = (link?.['/Rect'] ?? []) as number[]
        return [side(rect[0] ?? 0), name, to ? side(to[2] ?? 0) : null]
      })
    expect(seen).toEqual([
      ['left', 'clause-source.data', 'left'],
      ['right', 'clause-translation.data', 'right'],
      ['left', 'clause-source.scope-a', 'left'],
      ['left', 'clause-source.new', 'left'],
      // "Article 1.1" breaks over two lines: a link on each.
      ['right', 'clause-translation.scope-a', 'right'],
      ['right', 'clause-translation.scope-a', 'right'],
    ])
  })
})
