import { expect, vi } from 'vitest'
import { newTestClient } from '../../utils/newTestClient.js'
import type { TestServer } from '../../utils/newTestServer.js'

export interface Bystander {
  /** One editor types a line; resolves once the other has it (the server served them both). */
  roundTrip(): Promise<void>
  destroy(): void
}

/**
 * Two people editing a document nobody else touches, while a test abuses another one: their
 * edits must keep arriving. Tests assert that they do, not how fast (the machine may be busy).
 */
export const startBystander = async (t: TestServer, cookie: string): Promise<Bystander> => {
  const documentId = await t.newDocument(cookie, 'bystander')
  const writer = newTestClient(t.wsUrl, documentId, cookie)
  const reader = newTestClient(t.wsUrl, documentId, cookie)
  await Promise.all([writer.synced(), reader.synced()])
  let lines = 0
  return {
    async roundTrip() {
      const line = `bystander ${lines++}`
      writer.type(line)
      await vi.waitFor(() => expect(reader.text()).toContain(line), { timeout: 20_000 })
    },
    destroy() {
      writer.destroy()
      reader.destroy()
    },
  }
}
