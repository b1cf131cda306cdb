import type { IncomingMessage, Server } from 'node:http'
import type { Duplex } from 'node:stream'
import { CloseCode } from '@accord/protocol'
import { idSchema } from '@accord/protocol/requests'
import { type WebSocket, WebSocketServer } from 'ws'
import type { Authenticator } from '../auth/Authenticator.js'
import { Connection } from '../collab/Connection.js'
import { DocumentLoadError, type Room } from '../collab/Room.js'
import {
  type RoomRegistry,
  ShuttingDownError,
  UnknownDocumentError,
} from '../collab/RoomRegistry.js'
import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { DocumentOpens } from '../store/DocumentOpens.js'

const PATH = /^\/collab\/([^/?]+)$/
const PING_INTERVAL_MS = 30_000

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
}

/** Refuses an upgrade with a plain HTTP answer, before any WebSocket exists. */
const refuse = (socket: Duplex, status: number, code: string, message: string): void => {
  const body = JSON.stringify({ error: { code, message } })
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
  )
}

/**
 * ws://HOST:PORT/collab/:documentId. The session cookie and Origin are checked
 * at the upgrade, so nothing reaches a room before the user is known.
 */
export const attachCollabEndpoint = (
  server: Server,
  deps: {
    config: Config
    authenticator: Authenticator
    catalog: DocumentCatalog
    registry: RoomRegistry
    audit: AuditLog
    /** When each person last opened each document ("my work": documents in review not yet seen). */
    documentOpens: DocumentOpens
    logger: Logger
  },
): { close(): void } => {
  const { config, authenticator, catalog, registry, audit, documentOpens, logger } = deps
  // ws stops reading a frame past maxPayload and closes with 1009 (Message Too Big).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxMessageBytes })

  const upgrade = async (req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> => {
    const match = PATH.exec(new URL(req.url ?? '/', 'http://localhost').pathname)
    if (!match) return refuse(socket, 404, 'not_found', 'No such endpoint')
    const documentId = decodeURIComponent(match[1] as string)
    if (!idSchema.safeParse(documentId).success)
      return refuse(socket, 404, 'not_found', 'Unknown document')
    const origin = req.headers.origin
    if (origin !== undefined && origin !== config.publicOrigin) {
      return refuse(socket, 403, 'cross_origin', 'This origin may not connect')
    }
    const held = await authenticator.holdSession(req.headers.cookie)
    if (!held) return refuse(socket, 401, 'unauthenticated', 'Sign in first')
    const { user, hold } = held
    // Released however the upgrade ends: refused, failed, dropped by the peer, or closed later.
    socket.once('close', () => hold.release())
    if (socket.destroyed) hold.release()
    if (!(await catalog.get(documentId)))
      return refuse(socket, 404, 'not_found', 'Unknown document')
    // The session ended while the document was looked up.
    if (hold.ended) return refuse(socket, 401, 'unauthenticated', 'Sign in first')
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(
        {
          send: (data) => ws.send(data),
          close: (code, reason) => ws.close(code, reason),
          terminate: () => ws.terminate(),
          pause: () => ws.pause(),
          resume: () => ws.resume(),
          get bufferedAmount() {
            return ws.bufferedAmount
          },
        },
        { id: user.id, name: user.name, color: user.color, role: user.role },
        {
          maxMessagesPerSecond: config.maxMessagesPerSecond,
          // One full-size frame per second on average; an initial sync of a large document fits the burst.
          maxBytesPerSecond: config.maxMessageBytes,
          // A first sync of a document up to twice the frame limit at once; after that, asking
          // for the document again and again gets an eighth of a frame's worth a second.
          maxAnswerBytesPerSecond: config.maxMessageBytes / 8,
          answerBurstBytes: 2 * config.maxMessageBytes,
          maxBufferedBytes: 4 * config.maxMessageBytes,
          // Once paused, ws delivers at most the frame it was reading and the rest of its chunk.
          maxQueuedBytes: 2 * config.maxMessageBytes + 64 * 1024,
        },
      )
      // The session ended (signed out, password changed, deactivated): nothing more is taken from it.
      hold.onEnd(() => connection.close(CloseCode.unauthorized))
      serve(ws, connection, documentId)
    })
  }

  const serve = (ws: WebSocket, connection: Connection, documentId: string): void => {
    let room: Room | undefined
    let alive = true
    ws.on('pong', () => {
      alive = true
    })
    const ping = setInterval(() => {
      if (!alive) return ws.terminate()
      alive = false
      ws.ping()
    }, PING_INTERVAL_MS)
    ws.on('error', (err) => logger.warn({ err: err.message, documentId }, 'websocket error'))
    ws.on('message', (data, isBinary) => {
      if (!isBinary) return connection.close(CloseCode.badMessage)
      // A Buffer (the default binaryType) is used as is: Buffer.from(buffer) would copy every frame.
      const buffer = Array.isArray(data)
        ? Buffer.concat(data)
        : Buffer.isBuffer(data)
          ? data
          : Buffer.from(data)
      connection.receive(new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength))
    })
    ws.on('close', () => {
      clearInterval(ping)
      connection.markClosed()
      if (room) registry.leave(room, connection)
      // One line per person and connection, counting changes rather than keystrokes.
      if (connection.editsApplied > 0) {
        audit
          .record({
            userId: connection.user.id,
            action: 'document.edited',
            documentId,
            details: { changes: connection.editsApplied },
          })
          .catch((err: unknown) =>
            logger.warn({ err, documentId }, 'could not record the edit in the audit log'),
          )
      }
    })
    registry.join(documentId, connection).then(
      (joined) => {
        room = joined
        if (connection.closed) return registry.leave(joined, connection)
        // Opened = the text reached the person: one write per connection, here rather than
        // on the page's HTTP load, which does not carry the text (and offline reading has none).
        documentOpens
          .record(connection.user.id, documentId)
          .catch((err: unknown) =>
            logger.warn({ err, documentId }, 'could not record that the document was opened'),
          )
      },
      (err) => {
        if (err instanceof UnknownDocumentError) return connection.close(CloseCode.notFound)
        if (err instanceof ShuttingDownError) return connection.close(CloseCode.goingAway)
        logger.error(
          { err, documentId, corrupt: err instanceof DocumentLoadError },
          'could not load document; refusing it rather than serving a partial copy',
        )
        connection.close(CloseCode.unavailable)
      },
    )
  }

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', (err) => logger.debug({ err: err.message }, 'upgrade socket error'))
    upgrade(req, socket, head).catch((err) => {
      logger.error({ err }, 'upgrade failed')
      socket.destroy()
    })
  }
  server.on('upgrade', onUpgrade)
  return {
    close: () => {
      server.off('upgrade', onUpgrade)
      wss.close()
    },
  }
}
