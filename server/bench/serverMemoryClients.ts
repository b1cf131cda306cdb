/**
 * The clients of measureServerMemory.ts, in their own process so that their documents and
 * sockets are not counted in the server's heap. Real y-websocket providers, one per message
 * `open` (one more per room), typing one paragraph each on `type`, all closed on `close`.
 * Answers every message with `done` once the providers it concerns have synced.
 */
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'

export type ClientCommand =
  | { cmd: 'open'; wsUrl: string; rooms: string[]; cookie: string; origin: string }
  | { cmd: 'type' }
  | { cmd: 'close' }

const providers: WebsocketProvider[] = []

const synced = (provider: WebsocketProvider): Promise<void> =>
  new Promise((resolve) => {
    if (provider.synced) return resolve()
    provider.once('sync', () => resolve())
  })

/** The browser's upgrade headers: the session cookie and the page's origin. */
const socketWith = (headers: Record<string, string>) =>
  class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  }

const open = async (command: Extract<ClientCommand, { cmd: 'open' }>) => {
  const Socket = socketWith({ Cookie: command.cookie, Origin: command.origin })
  const opened = command.rooms.map(
    (room) =>
      new WebsocketProvider(command.wsUrl, room, new Y.Doc(), {
        WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
        disableBc: true,
      }),
  )
  providers.push(...opened)
  await Promise.all(opened.map(synced))
}

/** One paragraph per provider, as the editor writes it; resolves when the server has echoed it. */
const type = async () => {
  for (const [i, provider] of providers.entries()) {
    const paragraph = new Y.XmlElement('paragraph')
    paragraph.insert(0, [new Y.XmlText(`Member ${i} proposes an amendment to clause 4.`)])
    const body = provider.doc.getXmlFragment('default')
    body.insert(body.length, [paragraph])
  }
  // Every provider's edit has reached the server once each other provider of its room has it.
  const textOf = (provider: WebsocketProvider) =>
    provider.doc.getXmlFragment('default').toString().split('<paragraph>').length - 1
  const perRoom = providers.length / new Set(providers.map((p) => p.roomname)).size
  while (providers.some((p) => textOf(p) < perRoom))
    await new Promise((resolve) => setTimeout(resolve, 20))
}

const closeAll = async () => {
  for (const provider of providers.splice(0)) {
    provider.destroy()
    provider.doc.destroy()
  }
}

process.on('message', (command: ClientCommand) => {
  const run = command.cmd === 'open' ? open(command) : command.cmd === 'type' ? type() : closeAll()
  run.then(
    () => process.send?.('done'),
    (err: Error) => process.send?.(`failed: ${err.message}`),
  )
})
