import { documentLanguageInfo } from '@accord/protocol'
import type { ExportMeta } from '../ExportMeta.js'
import { isoDate } from '../formatDate.js'
import { type Child, element as e, type Markup } from '../xml.js'

/**
 * The jurisdiction part of the URIs. A working group of several countries' offices has no
 * ISO 3166 country, so it names itself as international.
 */
const JURISDICTION = 'int'

/** The agent that produced the markup, referenced from `source` and `FRBRauthor`. */
export const SOURCE = '#accord'

/** FRBR URIs after the Akoma Ntoso naming convention: work, expression, manifestation. */
export const frbrUris = (meta: ExportMeta) => {
  const date = isoDate(meta.date)
  const work = `/akn/${JURISDICTION}/act/standard/${date}/${meta.documentId}`
  const expression = `${work}/${documentLanguageInfo(meta.language).iso6392}@${date}`
  return { work, expression, manifestation: `${expression}.akn`, file: `${expression}/!main.xml` }
}

const frbr = (
  name: string,
  uri: string,
  self: string,
  date: string,
  dateName: string,
  ...extra: Child[]
) =>
  e(
    name,
    {},
    e('FRBRthis', { value: self }),
    e('FRBRuri', { value: uri }),
    e('FRBRdate', { date, name: dateName }),
    e('FRBRauthor', { href: SOURCE }),
    extra,
  )

/** `meta`: FRBR identification, the reference to Accord, and the notes (open comments). */
export const aknMeta = (meta: ExportMeta, notes: Markup | null): Markup => {
  const uris = frbrUris(meta)
  const date = isoDate(meta.date)
  return e(
    'meta',
    {},
    e(
      'identification',
      { source: SOURCE },
      frbr(
        'FRBRWork',
        uris.work,
        `${uris.work}/!main`,
        date,
        'draft',
        e('FRBRcountry', { value: JURISDICTION }),
        e('FRBRname', { value: meta.title }),
      ),
      frbr(
        'FRBRExpression',
        uris.expression,
        `${uris.expression}/!main`,
        date,
        'version',
        meta.versionName ? e('FRBRversionNumber', { value: meta.versionName }) : null,
        e('FRBRlanguage', { language: documentLanguageInfo(meta.language).iso6392 }),
      ),
      frbr(
        'FRBRManifestation',
        uris.manifestation,
        uris.file,
        date,
        'generation',
        e('FRBRformat', { value: 'application/akn+xml' }),
      ),
    ),
    e(
      'references',
      { source: SOURCE },
      e('TLCOrganization', {
        eId: SOURCE.slice(1),
        href: '/ontology/organization/accord',
        showAs: 'Accord',
      }),
    ),
    notes,
  )
}
