import type { Consultation, VersionInfo } from '@accord/protocol'
import { ADMIN, type ServerProcess } from './serverProcess'

/**
 * The secretariat imports `markdown` as a new document, names a version of it and opens a
 * public consultation of that version (two weeks long unless `options` say otherwise).
 */
export const consultationOn = async (
  server: ServerProcess,
  markdown: string,
  options: Record<string, unknown> = {},
): Promise<{ documentId: string; consultation: Consultation }> => {
  const admin = await server.signIn(ADMIN.email, ADMIN.password)
  const form = new FormData()
  form.append('file', new Blob([markdown], { type: 'text/markdown' }), 'draft.md')
  const imported = await fetch(`${server.url}/api/documents/import`, {
    method: 'POST',
    headers: { cookie: admin },
    body: form,
  })
  if (imported.status !== 201) throw new Error(`import: ${imported.status}`)
  const documentId = ((await imported.json()) as { document: { id: string } }).document.id
  const version = await server.api<VersionInfo>(
    'POST',
    `/api/documents/${documentId}/versions`,
    admin,
    { name: 'Draft for consultation' },
  )
  const { consultation } = await server.api<{ consultation: Consultation }>(
    'POST',
    `/api/documents/${documentId}/consultations`,
    admin,
    {
      versionId: version.id,
      closesAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      ...options,
    },
  )
  return { documentId, consultation }
}
