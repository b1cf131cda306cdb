import { encodeAnchor } from '@accord/schema'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it, vi } from 'vitest'
import { anchorOnWords, textStarting } from './utils/anchors.js'
import { memberWithCharter } from './utils/charter.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

/** The words between a Word comment's range start and end, paragraphs joined by ¶. */
const docxCommented = (xml: string, id: number): string => {
  const inside =
    new RegExp(
      `<w:commentRangeStart w:id="${id}"/>(.*?)<w:commentRangeEnd w:id="${id}"/>`,
      's',
    ).exec(xml)?.[1] ?? ''
  return inside
    .split('</w:p>')
    .map((part) => [...part.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((w) => w[1]).join(''))
    .join('¶')
}

/** The words between an ODF annotation and its end, paragraphs and headings joined by ¶. */
const odtAnnotated = (xml: string, name: string): string => {
  const inside =
    new RegExp(
      `<office:annotation office:name="${name}">.*?</office:annotation>(.*?)<office:annotation-end office:name="${name}"/>`,
      's',
    ).exec(xml)?.[1] ?? ''
  return inside
    .split(/<\/text:[ph]>/)
    .map((part) => part.replace(/<[^>]+>/g, ''))
    .join('¶')
}

const exported = async (docId: string, cookie: string, format: 'docx' | 'odt') => {
  const res = await fetch(`${t.url}/api/documents/${docId}/export?format=${format}&comments=open`, {
    headers: { cookie },
  })
  expect(res.status).toBe(200)
  const files = unzipSync(new Uint8Array(await res.arrayBuffer()))
  return (name: string) => strFromU8(files[name] ?? new Uint8Array())
}

describe('a review copy with real comments', () => {
  it('places each open thread on the words its anchor covers now, also after they were edited', async () => {
    const { member, docId, m } = await memberWithCharter(t)
    const posted = await t.api('POST', `/api/documents/${docId}/comments`, {
      cookie: member.cookie,
      body: {
        body: 'Which members?',
        quote: 'members',
        anchor: anchorOnWords(m.doc, 'The rules', 'members'),
        clauseId: 'scope',
      },
    })
    expect(posted.status).toBe(201)
    // The words change inside the anchor: the quote no longer matches, the anchor still does.
    const text = textStarting(m.doc, 'The rules')
    text.insert(text.toString().indexOf('members') + 3, '-')
    await vi.waitFor(async () => {
      const docx = await exported(docId, member.cookie, 'docx')
      expect(docxCommented(docx('word/document.xml'), 0)).toBe('mem-bers')
      expect(docx('word/comments.xml')).toContain('Which members?')
    }, 30_000)
    m.destroy()
  })

  it('places a thread whose anchor runs from one clause into the next over its whole range, in DOCX and ODT', async () => {
    const { member, docId, m } = await memberWithCharter(t)
    // From "members." in the first clause to "Words" in the second, as a selection makes it.
    const from = textStarting(m.doc, 'The rules')
    const to = textStarting(m.doc, 'Words')
    const anchor = encodeAnchor(
      { type: from, index: from.toString().indexOf('members.') },
      { type: to, index: 'Words'.length },
    )
    const posted = await t.api('POST', `/api/documents/${docId}/comments`, {
      cookie: member.cookie,
      body: { body: 'Both clauses?', quote: 'members. Terms Words', anchor, clauseId: 'scope' },
    })
    expect(posted.status).toBe(201)
    // A word typed inside the range after the comment was made: the quote is stale, the range is not.
    const terms = textStarting(m.doc, 'Terms')
    terms.insert('Terms'.length, ' used')
    await vi.waitFor(async () => {
      const docx = await exported(docId, member.cookie, 'docx')
      expect(docxCommented(docx('word/document.xml'), 0)).toBe(
        'members.¶Статья 2. Terms used¶Words',
      )
      expect(docx('word/comments.xml')).toContain('Both clauses?')
    }, 30_000)
    const odt = await exported(docId, member.cookie, 'odt')
    expect(odtAnnotated(odt('content.xml'), 'comment-1')).toBe(
      'members.¶Статья 2. Terms used¶Words',
    )
    m.destroy()
  }, 60_000)
})
