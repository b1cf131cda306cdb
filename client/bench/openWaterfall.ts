/**
 * `npx tsx client/bench/openWaterfall.ts [--client DIR]`: what the document page requests
 * until its editor is editable, in order, with when each started and ended (ms after
 * navigation; Resource Timing, plus the WebSocket's open and first message), on a fresh Accord
 * with the ~1 MiB paragraphs document, and how many bytes each took on the wire and once
 * decoded. Shows requests made one after the other that could be made together. Build the
 * client first (`npm run build`).
 */
import { parseArgs } from 'node:util'
import { freePort, launchAccord } from '../../server/bench/launchers.js'
import { launchBrowser } from '../e2e/utils/browser.js'
import { paragraphDocument } from './benchDocuments.js'
import {
  browserCookie,
  headerRecord,
  MARK,
  openContext,
  seedRoom,
  waitEditable,
} from './pageMeasures.js'

const { values: args } = parseArgs({ options: { client: { type: 'string' } } })

const browser = await launchBrowser()
const server = await launchAccord({
  port: await freePort(),
  ...(args.client ? { env: { CLIENT_DIST: args.client } } : {}),
})
try {
  const { rooms, headers } = await server.prepareRooms(1)
  const room = rooms[0] as string
  const hdrs = headerRecord(headers)
  await seedRoom(server.wsUrl, room, hdrs, paragraphDocument())
  const { context, page } = await openContext(browser, browserCookie(hdrs))
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  let origin = 0
  const socket: string[] = []
  // Which script opened it: the entry's early start (earlyCollab) or the page itself.
  cdp.on('Network.webSocketCreated', (e) => {
    const script = e.initiator?.stack?.callFrames.find((frame) => frame.url)?.url
    const opener = script ? new URL(script).pathname : undefined
    socket.push(`created by ${opener ?? 'unknown'}`)
  })
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.type === 'Document' && origin === 0) origin = e.timestamp
  })
  cdp.on('Network.webSocketWillSendHandshakeRequest', (e) =>
    socket.push(`handshake ${((e.timestamp - origin) * 1000).toFixed(0)}`),
  )
  cdp.on('Network.webSocketHandshakeResponseReceived', (e) =>
    socket.push(`open ${((e.timestamp - origin) * 1000).toFixed(0)}`),
  )
  // The page's first message (its state vector): the server's answer with the text follows it.
  cdp.on('Network.webSocketFrameSent', (e) => {
    if (!socket.some((s) => s.startsWith('sent')))
      socket.push(`sent ${((e.timestamp - origin) * 1000).toFixed(0)}`)
  })
  cdp.on('Network.webSocketFrameReceived', (e) => {
    if (socket.filter((s) => s.startsWith('frame')).length < 3)
      socket.push(
        `frame ${((e.timestamp - origin) * 1000).toFixed(0)} (${e.response.payloadData.length} chars)`,
      )
  })
  await page.goto(`${hdrs.Origin}/documents/${room}`)
  const editableMs = await waitEditable(page, ['.ProseMirror'], MARK)
  const entries = await page.evaluate(() =>
    (performance.getEntriesByType('resource') as PerformanceResourceTiming[]).map((e) => ({
      name: e.name,
      start: e.startTime,
      end: e.responseEnd,
      sent: e.encodedBodySize,
      size: e.decodedBodySize,
    })),
  )
  console.log(`editable in ${editableMs.toFixed(0)} ms`)
  for (const e of entries) {
    console.log(
      `  ${e.start.toFixed(0).padStart(6)} → ${e.end.toFixed(0).padStart(6)}  ${new URL(e.name).pathname}  ${(e.sent / 1024).toFixed(1)} KB sent, ${(e.size / 1024).toFixed(1)} KB`,
    )
  }
  const total = (key: 'sent' | 'size') => entries.reduce((sum, e) => sum + e[key], 0) / 1024
  console.log(
    `  until editable: ${total('sent').toFixed(0)} KB sent, ${total('size').toFixed(0)} KB as read`,
  )
  console.log(`  websocket: ${socket.join(', ')}`)
  await context.close()
} finally {
  await server.stop()
  await browser.close()
}
// Exits when done, as profilePage does: the seeding client's socket can keep the event loop alive.
process.exit(0)
