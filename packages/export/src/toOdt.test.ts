import { checkWellFormed } from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import {
  BULLETS,
  meta,
  NUMBERED,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
} from '../test/sampleDocuments.js'
import { toOdt } from './toOdt.js'

const parse = (xml: string) => new DOMParser().parseFromString(xml, 'text/xml')
const byName = (root: ReturnType<typeof parse>, name: string) =>
  [...root.querySelectorAll('*')].filter((el) => el.tagName === name)

describe('toOdt', () => {
  it('is an ODF package: mimetype first and stored, then a manifest and well-formed parts', () => {
    const bytes = toOdt(richDeclaration(), meta())
    // The first local file header: compression method 0 (stored), then the name 'mimetype'.
    const header = new DataView(bytes.buffer, bytes.byteOffset)
    expect(header.getUint16(8, true)).toBe(0)
    expect(strFromU8(bytes.subarray(30, 38))).toBe('mimetype')
    expect(strFromU8(bytes.subarray(38, 38 + 39))).toBe('application/vnd.oasis.opendocument.text')
    const files = unzipSync(bytes)
    expect(Object.keys(files)).toEqual([
      'mimetype',
      'META-INF/manifest.xml',
      'content.xml',
      'styles.xml',
      'meta.xml',
    ])
    for (const name of ['META-INF/manifest.xml', 'content.xml', 'styles.xml', 'meta.xml'])
      checkWellFormed(files[name] ?? new Uint8Array())
  })

  it('holds the title, clause headings with outline levels, Cyrillic text, lists and formatting', () => {
    const files = unzipSync(toOdt(richDeclaration(), meta({ title: 'Декларация & <i>' })))
    const content = parse(strFromU8(files['content.xml'] ?? new Uint8Array()))
    const paragraphs = byName(content, 'text:p')
    expect(paragraphs[0]?.textContent).toBe('Декларация & <i>')
    expect(paragraphs[1]?.textContent).toBe('Версия: Проект 2 · 9 октября 2024 г.')
    const headings = byName(content, 'text:h').map((h) => [
      h.getAttribute('text:outline-level'),
      h.textContent,
    ])
    expect(headings).toEqual([
      // Named otherwise than the export, the text keeps its own title heading.
      ['1', 'Декларация Коалиции городов за цифровые права'],
      ['1', `Статья 1. ${PRINCIPLES[0]}`],
      ['2', `Статья 1.1. ${SUBCLAUSE_HEADING}`],
      ...PRINCIPLES.slice(1).map((heading, i) => ['1', `Статья ${i + 2}. ${heading}`]),
    ])
    const lists = byName(content, 'text:list')
    expect(lists.map((l) => l.getAttribute('text:style-name'))).toEqual(['L_bullet', 'L_number'])
    expect(
      lists.map((l) => byName(parse(l.outerHTML), 'text:p').map((p) => p.textContent)),
    ).toEqual([BULLETS, NUMBERED])
    expect(
      byName(parse(lists[1]?.outerHTML ?? ''), 'text:list-item')[0]?.getAttribute(
        'text:start-value',
      ),
    ).toBe('3')
    const spans = byName(content, 'text:span').map((s) => [
      s.getAttribute('text:style-name'),
      s.textContent,
    ])
    expect(spans).toEqual(
      expect.arrayContaining([
        ['T_b', 'обязаны'],
        ['T_i', 'без согласия'],
      ]),
    )
    expect(byName(content, 'style:style').map((s) => s.getAttribute('style:name'))).toEqual([
      'T_b',
      'T_i',
    ])
    expect(byName(content, 'text:a')[0]?.getAttribute('xlink:href')).toBe(
      'https://citiesfordigitalrights.org/',
    )
    const meta_ = strFromU8(files['meta.xml'] ?? new Uint8Array())
    expect(meta_).toContain('<dc:title>Декларация &amp; &lt;i&gt;</dc:title>')
    expect(meta_).toContain('<dc:language>ru-RU</dc:language>')
  })
})
