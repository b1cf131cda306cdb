/**
 * TBX (ISO 30042, the termbase exchange standard). Written as TBX-Basic in the 2019 edition
 * (`tbx` / `conceptEntry` / `langSec` / `termSec`); read in that edition and in the 2008 one
 * (`martif` / `termEntry` / `langSet` / `tig`). A term whose `administrativeStatus` is
 * deprecated or superseded is a forbidden variant; the first other term of a language is its
 * preferred term; `note` and `descrip type="definition"` are the note.
 */
import { isDocumentLanguage, parseDocumentLanguage } from '@accord/protocol'
import { XMLBuilder, XMLParser } from 'fast-xml-parser'
import type { GlossaryContent } from '../store/GlossaryStore.js'
import { InvalidGlossaryFile } from './InvalidGlossaryFile.js'

type Node = Record<string, unknown>

const ARRAYS = new Set([
  'conceptEntry',
  'termEntry',
  'langSec',
  'langSet',
  'termSec',
  'tig',
  'ntig',
  'termNote',
  'note',
  'descrip',
])

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  isArray: (name) => ARRAYS.has(name),
  processEntities: true,
  // Documents declare no entities of their own here: a DOCTYPE is refused below.
  trimValues: true,
})

const list = (value: unknown): Node[] => (Array.isArray(value) ? (value as Node[]) : [])
const textOf = (value: unknown): string => {
  if (typeof value === 'string' || typeof value === 'number') return String(value).trim()
  if (value && typeof value === 'object' && '#text' in value)
    return textOf((value as Node)['#text'])
  return ''
}

const FORBIDDEN_STATUSES = /deprecated|superseded|admitted-?not|notRecommended/i

/** The entries of a TBX file; throws InvalidGlossaryFile for a file that is not TBX. */
export const parseTbx = (xml: string): GlossaryContent[] => {
  if (/<!DOCTYPE/i.test(xml)) throw new InvalidGlossaryFile('a DOCTYPE is not accepted')
  let root: Node
  try {
    root = parser.parse(xml, true) as Node
  } catch (err) {
    throw new InvalidGlossaryFile(`not well-formed XML: ${(err as Error).message.slice(0, 200)}`)
  }
  const tbx = (root.tbx ?? root.martif) as Node | undefined
  if (!tbx || typeof tbx !== 'object')
    throw new InvalidGlossaryFile('not a TBX file: the root element is neither tbx nor martif')
  const body = ((tbx.text as Node | undefined)?.body ?? {}) as Node
  const concepts = [...list(body.conceptEntry), ...list(body.termEntry)]
  return concepts.flatMap((concept) => {
    const entry: GlossaryContent = { terms: {}, forbidden: {}, note: '' }
    const notes = [
      ...list(concept.note).map(textOf),
      ...list(concept.descrip)
        .filter((d) => d['@type'] === 'definition' || d['@type'] === undefined)
        .map(textOf),
    ]
    entry.note = notes.filter(Boolean).join('\n').slice(0, 2_000)
    for (const section of [...list(concept.langSec), ...list(concept.langSet)]) {
      const tag = String(section['@xml:lang'] ?? section['@lang'] ?? '')
      const parsed = parseDocumentLanguage(tag)
      if (!('language' in parsed)) continue
      const language = parsed.language
      for (const term of [...list(section.termSec), ...list(section.tig), ...list(section.ntig)]) {
        const text = textOf(term.term ?? (term.termGrp as Node | undefined)?.term).slice(0, 300)
        if (!text) continue
        const status = list(term.termNote)
          .filter((n) => n['@type'] === 'administrativeStatus')
          .map(textOf)
          .join(' ')
        if (FORBIDDEN_STATUSES.test(status)) {
          const variants = entry.forbidden[language] ?? []
          entry.forbidden[language] = [...variants, text].slice(0, 50)
        } else if (!entry.terms[language]) entry.terms[language] = text
      }
    }
    return Object.keys(entry.terms).length > 0 ? [entry] : []
  })
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  format: true,
  suppressEmptyNode: true,
})

/** A TBX-Basic file of the glossary. */
export const writeTbx = (entries: readonly (GlossaryContent & { id: string })[]): string => {
  const conceptEntry = entries.map((entry) => {
    const languages = [
      ...new Set([...Object.keys(entry.terms), ...Object.keys(entry.forbidden)]),
    ].filter(isDocumentLanguage)
    return {
      '@id': `c-${entry.id}`,
      ...(entry.note ? { note: [entry.note] } : {}),
      langSec: languages.map((language) => ({
        '@xml:lang': language,
        termSec: [
          ...(entry.terms[language]
            ? [
                {
                  term: entry.terms[language],
                  termNote: [
                    { '@type': 'administrativeStatus', '#text': 'preferredTerm-admn-sts' },
                  ],
                },
              ]
            : []),
          ...(entry.forbidden[language] ?? []).map((variant) => ({
            term: variant,
            termNote: [{ '@type': 'administrativeStatus', '#text': 'deprecatedTerm-admn-sts' }],
          })),
        ],
      })),
    }
  })
  const document = {
    tbx: {
      '@type': 'TBX-Basic',
      '@style': 'dca',
      '@xml:lang': 'en',
      '@xmlns': 'urn:iso:std:iso:30042:ed-2',
      tbxHeader: { fileDesc: { sourceDesc: { p: 'Accord glossary' } } },
      text: { body: { conceptEntry } },
    },
  }
  return `<?xml version="1.0" encoding="UTF-8"?>\n${builder.build(document) as string}`
}
