import { checkWellFormed, pdfText, validateAkn } from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { meta, SUGGESTED, suggestedDeclaration } from '../test/sampleDocuments.js'
import { toAkomaNtoso } from './toAkomaNtoso.js'
import { toDocx } from './toDocx.js'
import { toHtml } from './toHtml.js'
import { toMarkdown } from './toMarkdown.js'
import { toOdt } from './toOdt.js'
import { toPdf } from './toPdf.js'

const clean = meta()
const tracked = meta({ suggestions: 'tracked' })

const docxXml = async (options = clean) =>
  strFromU8(unzipSync(await toDocx(suggestedDeclaration(), options))['word/document.xml'] ?? [])

/** The text of a WordprocessingML part as Word shows it with its tracked changes accepted. */
const visibleText = (xml: string) =>
  [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')

describe('open suggestions in an export', () => {
  it('clean (the default): every format holds the agreed text, none of the suggested words, no change marks', async () => {
    const docx = await docxXml()
    const odt = strFromU8(
      unzipSync(await toOdt(suggestedDeclaration(), clean))['content.xml'] ?? [],
    )
    const texts = {
      docx: visibleText(docx),
      html: toHtml(suggestedDeclaration(), clean),
      md: toMarkdown(suggestedDeclaration(), clean),
      akn: toAkomaNtoso(suggestedDeclaration(), clean),
      odt,
      pdf: pdfText(await toPdf(suggestedDeclaration(), clean)).replace(/\s+/g, ' '),
    }
    for (const [format, text] of Object.entries(texts)) {
      expect(text, format).toContain(
        `Согласованное начало; ${SUGGESTED.deleted} согласованный конец.`,
      )
      expect(text, format).toContain(SUGGESTED.deletedParagraph)
      expect(text, format).not.toContain(SUGGESTED.inserted)
      expect(text, format).not.toContain(SUGGESTED.insertedClauseHeading)
      expect(text, format).not.toContain(SUGGESTED.insertedClauseText)
      expect(text, format).not.toContain('Статья 6')
    }
    expect(docx).not.toMatch(/<w:(ins|del)\b/)
    expect(texts.html).not.toMatch(/<(ins|del)\b/)
    expect(texts.md).not.toMatch(/\{\+\+|\{--/)
    expect(texts.akn).not.toMatch(/<(ins|del)\b/)
    validateAkn(texts.akn)
  })

  it('tracked DOCX: insertions as w:ins and deletions as w:del/w:delText, with author and time', async () => {
    const docx = await docxXml(tracked)
    checkWellFormed(docx)
    const changes = [...docx.matchAll(/<w:(ins|del) ([^>]*)>(.*?)<\/w:\1>/gs)].map((m) => ({
      kind: m[1],
      author: /w:author="([^"]*)"/.exec(m[2] ?? '')?.[1],
      date: /w:date="([^"]*)"/.exec(m[2] ?? '')?.[1],
      id: /w:id="([^"]*)"/.exec(m[2] ?? '')?.[1],
      text: [...(m[3] ?? '').matchAll(/<w:(?:t|delText)(?: [^>]*)?>([^<]*)</g)]
        .map((t) => t[1])
        .join(''),
    }))
    expect(changes).toContainEqual({
      kind: 'ins',
      author: 'Анна',
      date: '2024-10-08T09:30:00Z',
      id: expect.any(String),
      text: SUGGESTED.inserted,
    })
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'del', author: 'Борис', text: SUGGESTED.deleted }),
    )
    expect(changes).toContainEqual(
      expect.objectContaining({ kind: 'del', author: 'Борис', text: SUGGESTED.deletedParagraph }),
    )
    // The inserted clause, its label included, is one of Анна's insertions.
    const annas = changes.filter((c) => c.kind === 'ins' && c.author === 'Анна').map((c) => c.text)
    expect(annas).toEqual(
      expect.arrayContaining([
        'Статья 6. ',
        SUGGESTED.insertedClauseHeading,
        SUGGESTED.insertedClauseText,
      ]),
    )
    expect(new Set(changes.map((c) => c.id)).size).toBe(changes.length)
    // Deleted words are never ordinary text: Word shows them only as a deletion.
    expect(visibleText(docx)).not.toContain(SUGGESTED.deleted)
  })

  it('tracked HTML: ins and del with the author and time in the title, styled beyond colour', () => {
    const html = toHtml(suggestedDeclaration(), tracked)
    const page = new DOMParser().parseFromString(html, 'text/html')
    const ins = [...page.querySelectorAll('ins.suggestion')]
    const del = [...page.querySelectorAll('del.suggestion')]
    expect(ins.map((e) => e.textContent)).toContain(SUGGESTED.inserted)
    expect(del.map((e) => e.textContent)).toEqual(
      expect.arrayContaining([SUGGESTED.deleted, SUGGESTED.deletedParagraph]),
    )
    const first = ins.find((e) => e.textContent === SUGGESTED.inserted)
    expect(first?.getAttribute('title')).toBe('Анна, 2024-10-08 09:30')
    expect(first?.getAttribute('datetime')).toBe('2024-10-08T09:30:00.000Z')
    expect(html).toMatch(/ins\.suggestion \{[^}]*text-decoration: underline/)
    expect(html).toMatch(/del\.suggestion \{[^}]*text-decoration: line-through/)
  })

  it('tracked Markdown in CriticMarkup, tracked Akoma Ntoso with ins/del that validates', () => {
    const md = toMarkdown(suggestedDeclaration(), tracked)
    expect(md).toContain(`{++${SUGGESTED.inserted}++}{--${SUGGESTED.deleted}--}`)
    expect(md).toContain(`{--${SUGGESTED.deletedParagraph}--}`)
    expect(md).toContain(`## {++Статья 6. ${SUGGESTED.insertedClauseHeading}++}`)
    const akn = toAkomaNtoso(suggestedDeclaration(), tracked)
    validateAkn(akn)
    expect(akn).toContain(
      `<ins class="suggestion" title="Анна, 2024-10-08T09:30:00.000Z">${SUGGESTED.inserted}</ins>`,
    )
    expect(akn).toContain(`<del class="suggestion" title="Борис, 2024-10-08T10:00:00.000Z">`)
    expect(akn).toMatch(/<num><ins [^>]*>Статья 6<\/ins><\/num>/)
  })

  it('tracked ODT and PDF keep both the suggested and the agreed words', async () => {
    const odt = strFromU8(
      unzipSync(await toOdt(suggestedDeclaration(), tracked))['content.xml'] ?? [],
    )
    checkWellFormed(odt)
    expect(odt).toMatch(
      /style:name="T_ins"[\s\S]*?fo:color="#1a6d2b"[\s\S]*?text-underline-style="solid"/,
    )
    expect(odt).toMatch(/style:name="T_del"[\s\S]*?text-line-through-style="solid"/)
    expect(odt).toContain(`<text:span text:style-name="T_ins">${SUGGESTED.inserted}</text:span>`)
    const pdf = pdfText(await toPdf(suggestedDeclaration(), tracked)).replace(/\s+/g, ' ')
    expect(pdf).toContain(`${SUGGESTED.inserted}${SUGGESTED.deleted}`)
    expect(pdf).toContain(`Статья 6. ${SUGGESTED.insertedClauseHeading}`)
  })
})
