import { DOCUMENT_LANGUAGES, type DocumentLanguage, documentLanguageInfo } from '@accord/protocol'
import { pdfFonts, pdfInfo, pdfText, validateAkn, xpathString } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import { unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { meta } from '../test/sampleDocuments.js'
import { toAkomaNtoso } from './toAkomaNtoso.js'
import { toDocx } from './toDocx.js'
import { toHtml } from './toHtml.js'
import { toOdt } from './toOdt.js'
import { toPdf } from './toPdf.js'

/** A clause in each language, in its own script: what the fonts and labels must carry. */
const SAMPLES: Record<DocumentLanguage, { heading: string; label: string; date: string }> = {
  ru: { heading: 'Персональные данные', label: 'Статья 1', date: '9 октября 2024 г.' },
  en: { heading: 'Personal data', label: 'Article 1', date: '9 October 2024' },
  kk: { heading: 'Дербес деректер', label: '1-бап', date: '2024 ж. 9 қазан' },
  ky: { heading: 'Жеке маалыматтар', label: '1-берене', date: '2024-ж., 9-октябрь' },
  hy: { heading: 'Անձնական տվյալներ', label: 'Հոդված 1', date: '09 հոկտեմբերի, 2024 թ.' },
  az: { heading: 'Şəxsi məlumatlar', label: 'Maddə 1', date: '9 oktyabr 2024' },
  uz: { heading: 'Shaxsga doir maʼlumotlar', label: '1-modda', date: '9-oktabr, 2024' },
  tg: { heading: 'Маълумоти шахсӣ', label: 'Моддаи 1', date: '09 Октябр 2024' },
  be: { heading: 'Персанальныя даныя', label: 'Артыкул 1', date: '9 кастрычніка 2024 г.' },
}

const oneClause = (heading: string): JSONContent => ({
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'data' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: heading }] },
        { type: 'paragraph', content: [{ type: 'text', text: heading }] },
      ],
    },
  ],
})

const ISO_639_2: Record<DocumentLanguage, string> = {
  ru: 'rus',
  en: 'eng',
  kk: 'kaz',
  ky: 'kir',
  hy: 'hye',
  az: 'aze',
  uz: 'uzb',
  tg: 'tgk',
  be: 'bel',
}

const flat = (text: string) => text.replace(/\s+/g, ' ')

describe.each(DOCUMENT_LANGUAGES)('an export in %s', (language) => {
  const sample = SAMPLES[language]
  const doc = oneClause(sample.heading)
  const info = meta({ language, title: sample.heading, versionName: 'v1' })

  it('labels clauses, dates and tags the language in HTML, DOCX and ODT', async () => {
    const page = new DOMParser().parseFromString(toHtml(doc, info), 'text/html')
    expect(page.documentElement.getAttribute('lang')).toBe(language)
    expect(page.querySelector('section.clause > h2')?.textContent).toBe(
      `${sample.label}. ${sample.heading}`,
    )
    expect(page.querySelector('header')?.textContent).toContain(sample.date)

    const docx = unzipSync(await toDocx(doc, info))
    const styles = new TextDecoder().decode(docx['word/styles.xml'])
    expect(styles).toMatch(new RegExp(`w:lang w:val="${language}-`))
    expect(new TextDecoder().decode(docx['word/document.xml'])).toContain(sample.label)

    const odt = unzipSync(await toOdt(doc, info))
    const odtStyles = new TextDecoder().decode(odt['styles.xml'])
    expect(odtStyles).toContain(`fo:language="${language}"`)
  })

  it('gives Akoma Ntoso its ISO 639-2 language and stays valid against the OASIS schema', () => {
    const xml = toAkomaNtoso(doc, info)
    validateAkn(xml)
    const code = xpathString(
      xml,
      '//*[local-name()="FRBRExpression"]/*[local-name()="FRBRlanguage"]/@language',
    )
    expect(code).toBe(ISO_639_2[language])
  })

  it('prints every letter of its script in the PDF, with the language in the metadata', async () => {
    const pdf = await toPdf(doc, info)
    expect(flat(pdfText(pdf))).toContain(`${sample.label}. ${sample.heading}`)
    expect(pdfFonts(pdf)).toContain('DejaVuSerif')
    expect(pdfInfo(pdf)).toContain(sample.heading)
    expect(Buffer.from(pdf).toString('latin1')).toContain(
      `/Lang (${documentLanguageInfo(language).locale})`,
    )
  })
})
