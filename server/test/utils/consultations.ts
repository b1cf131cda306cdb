import type { Consultation, VersionInfo } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import { expect, vi } from 'vitest'
import { twoClauses, writeBody } from './editAs.js'
import { newTestClient } from './newTestClient.js'
import type { TestServer } from './newTestServer.js'

/** A document with `content`, written through a real client, and a named version of it. */
export const documentWithVersion = async (
  t: TestServer,
  cookie: string,
  content: JSONContent = twoClauses,
  title = 'Правила участия',
): Promise<{ docId: string; versionId: string }> => {
  const docId = await t.newDocument(cookie, title)
  const client = newTestClient(t.wsUrl, docId, cookie)
  try {
    await client.synced()
    writeBody(client.doc, content)
    // The version is taken from the server's copy: wait until the text reached it.
    await vi.waitFor(
      async () => {
        const md = await t.api<string>('GET', `/api/documents/${docId}/export?format=md`, {
          cookie,
        })
        expect(String(md.body)).toContain('Words mean what they say')
      },
      { timeout: 15_000 },
    )
  } finally {
    client.destroy()
  }
  // Versions are named by coordinators and the secretariat.
  const version = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
    cookie: await t.adminCookie(),
    body: { name: 'Проект для обсуждения' },
  })
  if (version.status !== 201) throw new Error(`version: ${version.status}`)
  return { docId, versionId: version.body.id }
}

/** The secretariat opens a consultation on a version; `closesAt` defaults to a week ahead. */
export const openConsultation = async (
  t: TestServer,
  docId: string,
  body: Record<string, unknown>,
): Promise<Consultation> => {
  const res = await t.api<{ consultation: Consultation }>(
    'POST',
    `/api/documents/${docId}/consultations`,
    {
      cookie: await t.adminCookie(),
      body: { closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(), ...body },
    },
  )
  if (res.status !== 201) throw new Error(`consultation: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body.consultation
}

/** A valid public comment, with whatever `extra` changes. */
export const publicComment = (extra: Record<string, unknown> = {}): Record<string, unknown> => ({
  clauseId: 'scope',
  name: 'Пётр Иванов',
  organization: 'ТСЖ «Берёзка»',
  email: 'petr@example.org',
  type: 'technical',
  body: 'Правила должны касаться и гостей.',
  proposedChange: 'Правила применяются к членам и гостям.',
  consent: true,
  publishName: true,
  ...extra,
})
