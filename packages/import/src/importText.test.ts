import { describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'
import { text } from './testCorpus/hostileFiles.js'
import { clausesOf, preambleOf, suggestionsOf } from './testCorpus/readBack.js'

describe('Markdown (CommonMark + GFM)', () => {
  const markdown = [
    '# Declaration of the Cities Coalition',
    '',
    'We, the undersigned cities, **formally** come together.',
    '',
    '## Article 1. Universal access',
    '',
    'Everyone has *affordable* access to the [internet](https://example.org).[^1]',
    '',
    '- literacy',
    '- skills',
    '',
    '## Article 2. Privacy',
    '',
    '| Term | Meaning |',
    '| --- | --- |',
    '| data | ~~records~~ facts |',
    '',
    '<script>alert(1)</script>',
    '',
    '[^1]: As the UN says.',
  ].join('\n')

  it('keeps headings, clauses, formatting, lists, links, tables and footnotes', () => {
    const doc = importFile('declaration.md', text(markdown))
    expect(doc.language).toBe('en')
    expect(doc.title).toBe('Declaration of the Cities Coalition')
    expect(preambleOf(doc.content)).toEqual([
      'Declaration of the Cities Coalition',
      'We, the undersigned cities, formally come together.',
    ])
    const clauses = clausesOf(doc.content)
    expect(clauses.map((c) => c.heading)).toEqual(['Universal access', 'Privacy'])
    expect(clauses[0]?.body).toBe(
      'Everyone has affordable access to the internet.[^As the UN says.]\nliteracyskills',
    )
    expect(clauses[1]?.body).toContain('Term | Meaning\ndata | records facts')
    // Raw HTML in Markdown is text, never markup.
    expect(clauses[1]?.body).toContain('<script>alert(1)</script>')
    const json = JSON.stringify(doc.content)
    expect(json).toContain('"marks":[{"type":"bold"}]')
    expect(json).toContain('"marks":[{"type":"italic"}]')
    expect(json).toContain('{"type":"link","attrs":{"href":"https://example.org"}}')
    expect(json).toContain('{"type":"strike"}')
    expect(json).toContain('"bulletList"')
    expect(doc.report).toMatchObject({
      clauses: 2,
      tables: 1,
      footnotes: 1,
      comments: 0,
      suggestions: 0,
    })
    expect(doc.report.warnings).toEqual([])
  })

  it('finds hand-typed numbers: "1.", "1.1" and the preamble before them', () => {
    const doc = importFile(
      'resolution.md',
      text(
        'Резолюция\n\nМы, участники заседания,\n\n1\\. Общие положения\n\n1.1 Сфера действия\n\n2\\. Заключительные положения\n',
      ),
    )
    expect(preambleOf(doc.content)).toEqual(['Резолюция', 'Мы, участники заседания,'])
    expect(
      doc.outline.map((e) => [e.number, e.heading, e.children?.map((c) => c.heading)]),
    ).toEqual([
      ['1', 'Общие положения', ['Сфера действия']],
      ['2', 'Заключительные положения', undefined],
    ])
  })
})

describe('HTML (sanitized)', () => {
  it('drops scripts, handlers and javascript: links and keeps the text', () => {
    const doc = importFile(
      'page.html',
      text(`<html><head><title>T</title><style>p{}</style><script>steal()</script></head><body>
        <h1 onclick="steal()">Положение</h1>
        <h2>Статья 1. Цели</h2>
        <p>Текст <a href="javascript:steal()">ссылки</a> и <img src="x.png" onerror="steal()"> картинки.</p>
        <iframe src="https://evil.example"></iframe>
        <h2>Статья 2. Сроки</h2><p>Срок <u>тридцать</u> дней.</p>
      </body></html>`),
    )
    const json = JSON.stringify(doc.content)
    expect(json).not.toContain('steal')
    expect(json).not.toContain('javascript')
    expect(json).not.toContain('evil')
    expect(clausesOf(doc.content).map((c) => c.heading)).toEqual(['Цели', 'Сроки'])
    expect(clausesOf(doc.content)[0]?.body).toBe('Текст ссылки и картинки.')
    expect(json).toContain('{"type":"underline"}')
    expect(doc.report.warnings.map((w) => w.code)).toEqual(['images_dropped'])
  })

  it("reads Accord's own suggestion markup back as suggestions", () => {
    const doc = importFile(
      'export.html',
      text(
        '<h2>Статья 1. Сроки</h2><p>Срок <del class="suggestion" datetime="2024-03-04T09:00:00.000Z" title="Олег Сидоров, 2024-03-04 09:00">десять</del><ins class="suggestion" datetime="2024-03-04T09:00:00.000Z" title="Олег Сидоров, 2024-03-04 09:00">тридцать</ins> дней.</p>',
      ),
    )
    expect(suggestionsOf(doc.content)).toEqual([
      { kind: 'deletion', author: 'Олег Сидоров', at: '2024-03-04T09:00:00.000Z', text: 'десять' },
      {
        kind: 'insertion',
        author: 'Олег Сидоров',
        at: '2024-03-04T09:00:00.000Z',
        text: 'тридцать',
      },
    ])
  })
})
