import type { VersionInfo } from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import { openEventStream } from './reliability/support/eventStream.js'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer } from './utils/newTestServer.js'

describe('versions on the event stream', () => {
  it('a reader with the document open hears of each version kept: named, before a restore, automatic', async () => {
    const t = await newTestServer({ AUTO_VERSION_SECONDS: '3600' })
    try {
      const coordinator = await t.newUser('coordinator', 'Clara')
      const reader = await t.newUser('observer')
      const docId = await t.newDocument(coordinator.cookie)
      const stream = await openEventStream(t.url, docId, reader.cookie)
      const kept = () =>
        stream.events.flatMap((e) => (e.type === 'version' ? [e.version.name] : []))

      const editor = newTestClient(t.wsUrl, docId, coordinator.cookie)
      await editor.synced()
      editor.type('Первая редакция.')
      const named = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
        cookie: coordinator.cookie,
        body: { name: 'Draft 1' },
      })
      await vi.waitFor(() => expect(kept()).toEqual(['Draft 1']))
      expect(stream.events).toContainEqual({ type: 'version', version: named.body })

      await t.api('POST', `/api/documents/${docId}/versions/${named.body.id}/restore`, {
        cookie: coordinator.cookie,
        body: {},
      })
      await vi.waitFor(() => expect(kept()).toEqual(['Draft 1', 'Before restore of “Draft 1”']))

      // The last editor leaving keeps an automatic version, with who edited.
      editor.type('Вторая редакция.')
      await vi.waitFor(() => expect(editor.provider.synced).toBe(true))
      editor.destroy()
      await vi.waitFor(() => expect(kept()).toHaveLength(3), { timeout: 5000 })
      const automatic = stream.events.at(-1)
      expect(automatic?.type === 'version' && automatic.version).toMatchObject({
        kind: 'auto',
        editors: [{ id: coordinator.user.id, name: 'Clara' }],
      })
      stream.close()
    } finally {
      await t.close()
    }
  })
})
