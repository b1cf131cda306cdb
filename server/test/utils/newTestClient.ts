import { vi } from 'vitest'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { paragraphs } from './paragraphs.js'

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  /** The document body, as Tiptap's Collaboration keeps it. */
  fragment: Y.XmlFragment
  /** Appends a paragraph holding `text`, the way the editor would. */
  type(text: string): void
  /**
   * The plain text of every non-empty paragraph, joined by newlines. Empty ones are left
   * out: a new document starts with one empty paragraph, which is not text anyone typed.
   */
  text(): string
  /** Resolves once the provider has synced with the server (default wait: 10 s, for a busy 2-core machine). */
  synced(timeoutMs?: number): Promise<void>
  destroy(): void
}

/** A `ws` WebSocket that sends the session cookie on the upgrade, as a browser would. */
const socketWithCookie = (cookie: string | undefined) =>
  class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers: cookie ? { cookie } : {} })
    }
  }

/** A real y-websocket provider client in Node. */
export const newTestClient = (
  wsUrl: string,
  documentId: string,
  cookie: string | undefined,
  /** An existing copy, e.g. one whose server went away, to connect it elsewhere. */
  doc: Y.Doc = new Y.Doc(),
): TestClient => {
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: socketWithCookie(cookie) as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    maxBackoffTime: 200,
  })
  const fragment = doc.getXmlFragment('default')
  return {
    doc,
    provider,
    fragment,
    type(text) {
      const paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText(text)])
      fragment.insert(fragment.length, [paragraph])
    },
    text: () => paragraphs(doc).join('\n'),
    synced: (timeoutMs = 10_000) =>
      vi.waitFor(
        () => {
          if (!provider.synced) throw new Error('not synced yet')
        },
        { timeout: timeoutMs },
      ),
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}
