import { afterEach, beforeEach } from 'vitest'
import { newTestClient, type TestClient } from './newTestClient.js'
import { newTestServer, type TestServer } from './newTestServer.js'

export interface ScopedTestServer extends TestServer {
  /** A real provider client, destroyed after the test. */
  client(documentId: string, cookie: string): TestClient
  /** Members Alice and Bob, Alice's new document, and a synced client of each on it. */
  twoMembersInOneDocument(): Promise<TwoMembers>
}

type NewUser = Awaited<ReturnType<TestServer['newUser']>>

export interface TwoMembers {
  alice: NewUser
  bob: NewUser
  docId: string
  /** Alice's client. */
  a: TestClient
  /** Bob's client. */
  b: TestClient
}

/**
 * A fresh server (and temporary database) for every test of the file, and clients that
 * are cleaned up after each test.
 */
export const useTestServer = (env: Record<string, string> = {}): ScopedTestServer => {
  let current: TestServer | undefined
  const clients: TestClient[] = []
  beforeEach(async () => {
    current = await newTestServer(env)
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await current?.close()
  })
  const server = (): TestServer => {
    if (!current) throw new Error('the test server starts in beforeEach')
    return current
  }
  const scoped: ScopedTestServer = {
    get url() {
      return server().url
    },
    get wsUrl() {
      return server().wsUrl
    },
    get dataDir() {
      return server().dataDir
    },
    get server() {
      return server().server
    },
    api: (...args) => server().api(...args),
    signIn: (...args) => server().signIn(...args),
    adminCookie: () => server().adminCookie(),
    newUser: (...args) => server().newUser(...args),
    newDocument: (...args) => server().newDocument(...args),
    restart: () => server().restart(),
    close: () => server().close(),
    client(documentId, cookie) {
      const c = newTestClient(server().wsUrl, documentId, cookie)
      clients.push(c)
      return c
    },
    async twoMembersInOneDocument() {
      const alice = await scoped.newUser('member', 'Alice')
      const bob = await scoped.newUser('member', 'Bob')
      const docId = await scoped.newDocument(alice.cookie)
      const a = scoped.client(docId, alice.cookie)
      const b = scoped.client(docId, bob.cookie)
      await Promise.all([a.synced(), b.synced()])
      return { alice, bob, docId, a, b }
    },
  }
  return scoped
}
