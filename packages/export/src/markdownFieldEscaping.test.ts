import type { JSONContent } from '@tiptap/core'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { meta } from '../test/sampleDocuments.js'
import type { ExportMeta } from './ExportMeta.js'
import { toMarkdown } from './toMarkdown.js'

/**
 * Text that Markdown would read as structure: every block construct of CommonMark (and of
 * markdown-it's tables and strike-through), at the start of a field, after a line break
 * and after indentation, and the inline ones (links, images, autolinks, HTML, emphasis).
 */
const HOSTILE = [
  'Title\n\n## Article 99',
  '# Heading',
  '   ### Indented heading',
  'Closing ##',
  'Setext one\n===',
  'Setext two\n---',
  '- bullet',
  '  - indented bullet',
  '* star bullet',
  '+ plus bullet',
  '+\ttab bullet',
  '1. ordered',
  '7) ordered',
  '2.',
  '> quote',
  '  > indented quote',
  '```\nfenced\n```',
  '~~~\nfenced',
  '    indented code',
  '***',
  '___',
  '- - -',
  '[link](https://evil.example)',
  '[ref]: https://evil.example',
  '<https://evil.example>',
  '![image](https://evil.example/x.png)',
  '<b>html</b>',
  '<div>\nblock\n</div>',
  '| a | b |\n| - | - |',
  'a | b\n--|--',
  '*em* _em_ **strong** ~~strike~~ `code`',
  'back\\slash\\',
  '&amp; &#65;',
]

const SAFE_TEXT: JSONContent = {
  type: 'doc',
  content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Body' }] }],
}

/** The metadata with `field` in the title, the version, and every field of a thread. */
const metaWith = (field: (i: number) => string): ExportMeta =>
  meta({
    title: field(0),
    versionName: field(1),
    threads: HOSTILE.map((_, i) => ({
      clauseId: null,
      quote: field(i),
      messages: [
        { author: field(i + 1), body: field(i + 2), createdAt: new Date('2024-10-09T10:00:00Z') },
      ],
    })),
  })

const hostile = (i: number) => HOSTILE[i % HOSTILE.length] as string
/** The same number of lines, each plain words. */
const plain = (i: number) =>
  hostile(i)
    .split('\n')
    .map((_, line) => `plain ${line}`)
    .join('\n')

const markdownIt = new MarkdownIt()

/**
 * What Markdown made of a text: every token but plain text and line breaks, with heading and
 * list levels, so any heading, list, link, quote, code, HTML, table or emphasis shows up.
 */
const structure = (markdown: string): string[] =>
  markdownIt
    .parse(markdown, {})
    .flatMap((token) => [
      `${token.type}:${token.tag}`,
      ...(token.children ?? [])
        .filter((child) => !['text', 'softbreak', 'hardbreak'].includes(child.type))
        .map((child) => `  ${child.type}:${child.tag}`),
    ])

const renderedText = (markdown: string): string =>
  markdownIt
    .parse(markdown, {})
    .flatMap((token) => token.children ?? [])
    .filter((child) => child.type === 'text')
    .map((child) => child.content)
    .join(' ')

describe('Markdown export: the fields around the text are text, never structure', () => {
  it('titles, versions, quotes, authors and comment bodies make the same Markdown structure as plain words', () => {
    const attacked = toMarkdown(SAFE_TEXT, metaWith(hostile))
    expect(structure(attacked)).toEqual(structure(toMarkdown(SAFE_TEXT, metaWith(plain))))
  })

  it('and every line of them is still there to read', () => {
    const text = renderedText(toMarkdown(SAFE_TEXT, metaWith(hostile)))
    for (const field of HOSTILE)
      for (const line of field.split('\n')) expect(text).toContain(line.trim())
  })

  it('the title "X\\n\\n## Article 99" stays one heading, the title', () => {
    const tokens = markdownIt.parse(
      toMarkdown(SAFE_TEXT, meta({ title: 'Декларация\n\n## Article 99' })),
      {},
    )
    const headings = tokens.flatMap((token, i) =>
      token.type === 'heading_open'
        ? [`${token.tag} ${tokens[i + 1]?.children?.map((child) => child.content).join('')}`]
        : [],
    )
    expect(headings).toEqual(['h1 Декларация ## Article 99'])
  })

  it('the document text keeps its own structure, and a line after a line break is not a block', () => {
    const text: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 2 }, content: [{ type: 'text', text: 'Own heading' }] },
        {
          type: 'paragraph',
          content: [
            { type: 'text', text: '1) not a list' },
            { type: 'hardBreak' },
            { type: 'text', text: '## not a heading' },
            { type: 'hardBreak' },
            { type: 'text', text: '===' },
          ],
        },
      ],
    }
    expect(structure(toMarkdown(text, meta({ versionName: undefined })))).toEqual([
      'heading_open:h1',
      'inline:',
      'heading_close:h1',
      'paragraph_open:p',
      'inline:',
      '  em_open:em',
      '  em_close:em',
      'paragraph_close:p',
      'heading_open:h2',
      'inline:',
      'heading_close:h2',
      'paragraph_open:p',
      'inline:',
      'paragraph_close:p',
    ])
  })
})
