import type {
  AlignmentResponse,
  ErrorBody,
  ImportTranslationPreview,
  ImportTranslationResult,
  LanguagesResponse,
} from '@accord/protocol'
import { docToJSON, readSettings } from '@accord/schema'
import { charterClauses, subclause } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { writtenSource } from './utils/documentWithTranslation.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

/** The Russian source: three clauses, the second with a sub-clause. */
const charter: JSONContent = {
  type: 'doc',
  content: charterClauses([subclause('terms-a', 'Данные', 'Любые сведения о человеке.')]),
}

/** The English text as a translator sends it back: one clause more than the source. */
const ENGLISH = [
  '# Charter',
  '## Article 1. Scope',
  'The rules apply to members.',
  '## Article 2. Terms',
  'Personal data is protected.',
  '### 2.1. Data',
  'Any information about a person.',
  '## Article 3. Rights',
  'Everyone has the right of access.',
  '## Article 4. Review',
  'This charter is reviewed every year.',
].join('\n\n')

/** A Kazakh text of only the first two clauses, without the sub-clause. */
const KAZAKH = [
  '## Қолданылу аясы',
  'Ережелер мүшелерге қолданылады.',
  '## Терминдер',
  'Дербес деректер қорғалады.',
].join('\n\n')

const bytes = (value: string) => new TextEncoder().encode(value)

const sourceDocument = async () => ({
  ...(await writtenSource(t, { source: charter })),
  member: await t.newUser('member', 'Mia Member'),
})

/** Uploads a file as the browser's form does (multipart/form-data). */
const importAs = async <T>(
  sourceId: string,
  cookie: string,
  name: string,
  file: Uint8Array,
  fields: Record<string, string>,
  query = '',
  origin?: string,
): Promise<{ status: number; body: T & Partial<ErrorBody> }> => {
  const form = new FormData()
  form.append('file', new Blob([file]), name)
  for (const [key, value] of Object.entries(fields)) form.append(key, value)
  const res = await fetch(`${t.url}/api/documents/${sourceId}/languages/import${query}`, {
    method: 'POST',
    body: form,
    headers: { cookie, ...(origin ? { origin } : {}) },
  })
  return { status: res.status, body: (await res.json()) as T & Partial<ErrorBody> }
}

const translations = async (sourceId: string, cookie: string) =>
  (
    await t.api<LanguagesResponse>('GET', `/api/documents/${sourceId}/languages`, { cookie })
  ).body.translations.map((tr) => tr.document.language)

describe('importing a file as a language version', () => {
  it('previews how the file’s clauses meet the source’s, and creates nothing', async () => {
    const { coordinator, sourceId } = await sourceDocument()
    const res = await importAs<ImportTranslationPreview>(
      sourceId,
      coordinator.cookie,
      'charter.en.md',
      bytes(ENGLISH),
      { language: 'en' },
      '?dryRun=1',
    )
    expect(res.status).toBe(200)
    expect(res.body.report).toMatchObject({ format: 'md', clauses: 5 })
    expect(res.body.alignment).toEqual({
      matched: 4,
      extra: [{ number: '4', heading: 'Review' }],
      missing: [],
    })
    const short = await importAs<ImportTranslationPreview>(
      sourceId,
      coordinator.cookie,
      'charter.kk.md',
      bytes(KAZAKH),
      { language: 'kk' },
      '?dryRun=1',
    )
    expect(short.body.alignment).toEqual({
      matched: 2,
      extra: [],
      missing: [
        { number: '2.1', heading: 'Данные' },
        { number: '3', heading: 'Права' },
      ],
    })
    expect(await translations(sourceId, coordinator.cookie)).toEqual([])
  })

  it('creates the version with the source’s clause ids, so the alignment pairs the clauses', async () => {
    const { coordinator, sourceId } = await sourceDocument()
    const res = await importAs<ImportTranslationResult>(
      sourceId,
      coordinator.cookie,
      'charter.en.md',
      bytes(ENGLISH),
      { language: 'en' },
    )
    expect(res.status).toBe(201)
    const version = res.body.document
    expect(version).toMatchObject({ language: 'en', sourceDocumentId: sourceId })
    expect(version?.title).toBe('Устав (English)')
    expect(res.body.alignment?.matched).toBe(4)

    const reader = t.client(version?.id ?? '', coordinator.cookie)
    await reader.synced()
    expect(readSettings(reader.doc).language).toBe('en')
    const ids = (docToJSON(reader.doc).content ?? [])
      .filter((node) => node.type === 'clause')
      .map((node) => node.attrs?.id)
    expect(ids.slice(0, 3)).toEqual(['scope', 'terms', 'rights'])
    expect(ids).toHaveLength(4)

    const aligned = await t.api<AlignmentResponse>(
      'GET',
      `/api/documents/${version?.id}/alignment`,
      { cookie: coordinator.cookie },
    )
    const byId = new Map(aligned.body.clauses.map((c) => [c.clauseId, c.targetText]))
    expect(byId.get('scope')).toContain('The rules apply to members.')
    expect(byId.get('terms-a')).toContain('Any information about a person.')
    expect(byId.get('rights')).toContain('Everyone has the right of access.')
    expect(await translations(sourceId, coordinator.cookie)).toEqual(['en'])

    // A second English version is refused, and creates nothing.
    const again = await importAs(sourceId, coordinator.cookie, 'charter.en.md', bytes(ENGLISH), {
      language: 'en',
    })
    expect(again.status).toBe(409)
    expect(again.body.error?.code).toBe('language_exists')
    expect(await translations(sourceId, coordinator.cookie)).toEqual(['en'])
  })

  it('refuses whoever may not add a language version, a bad language, a bad file, another site and a version as source; nothing is created', async () => {
    const { coordinator, member, sourceId } = await sourceDocument()
    const byMember = await importAs(sourceId, member.cookie, 'charter.en.md', bytes(ENGLISH), {
      language: 'en',
    })
    expect(byMember.status).toBe(403)
    const badTag = await importAs(sourceId, coordinator.cookie, 'charter.md', bytes(ENGLISH), {
      language: 'not a tag!',
    })
    expect(badTag.status).toBe(400)
    const noLanguage = await importAs(
      sourceId,
      coordinator.cookie,
      'charter.md',
      bytes(ENGLISH),
      {},
    )
    expect(noLanguage.status).toBe(400)
    // Markdown named as a Word file is not what it says.
    const notWord = await importAs(sourceId, coordinator.cookie, 'charter.docx', bytes(ENGLISH), {
      language: 'en',
    })
    expect(notWord.status).toBe(400)
    expect(notWord.body.error?.code).toBe('unsupported_file')
    const empty = await importAs(sourceId, coordinator.cookie, 'charter.md', new Uint8Array(), {
      language: 'en',
    })
    expect(empty.status).toBe(400)
    // An upload from another site is refused before anything is read.
    const crossSite = await importAs(
      sourceId,
      coordinator.cookie,
      'charter.md',
      bytes(ENGLISH),
      { language: 'en' },
      '',
      'https://elsewhere.example',
    )
    expect(crossSite.status).toBe(403)
    const unknown = await importAs(
      'no-such-document',
      coordinator.cookie,
      'charter.md',
      bytes(ENGLISH),
      {
        language: 'en',
      },
    )
    expect(unknown.status).toBe(404)
    expect(await translations(sourceId, coordinator.cookie)).toEqual([])

    // A version is made from the source, not from another version.
    const kazakh = await importAs<ImportTranslationResult>(
      sourceId,
      coordinator.cookie,
      'charter.kk.md',
      bytes(KAZAKH),
      { language: 'kk' },
    )
    expect(kazakh.status).toBe(201)
    const fromVersion = await importAs(
      kazakh.body.document?.id ?? '',
      coordinator.cookie,
      'charter.en.md',
      bytes(ENGLISH),
      { language: 'en' },
    )
    expect(fromVersion.status).toBe(400)
    expect(await translations(sourceId, coordinator.cookie)).toEqual(['kk'])
  })
})
