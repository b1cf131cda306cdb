import { ErrorCode, type User } from '@accord/protocol'
import type { Request, Response } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError, unauthenticated } from '../../HttpError.js'
import type { StreamQuota } from './StreamQuota.js'

/** Keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000

/** Seconds a client refused for too many streams is asked to wait. */
const RETRY_AFTER_SECONDS = 30

/** Writes one Server-Sent Event. */
export type SendEvent = (name: string, data: unknown) => void

/**
 * Opens a Server-Sent Events stream for the signed-in person: `check` may refuse (it runs
 * while the session is held), then `subscribe` starts sending and returns its unsubscribe
 * function. A stream ends when its session does (sign-out, password change or reset,
 * deactivation, expiry); the browser's reconnection is then refused with 401, which
 * EventSource does not retry.
 */
export const serveEventStream = async (
  deps: Pick<AppDeps, 'authenticator'>,
  quota: StreamQuota,
  req: Request,
  res: Response,
  stream: {
    check(user: User): Promise<void>
    subscribe(user: User, send: SendEvent): () => void
  },
): Promise<void> => {
  // Held from before the session is read, so an end that lands meanwhile is not missed.
  const held = await deps.authenticator.holdSession(req.get('cookie'))
  if (!held) throw unauthenticated()
  const { user, hold } = held
  let slot: ReturnType<StreamQuota['take']>
  try {
    await stream.check(user)
    if (hold.ended) throw unauthenticated()
    slot = quota.take(user.id)
    if (typeof slot === 'string') {
      res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
      throw new HttpError(
        429,
        ErrorCode.tooManyRequests,
        slot === 'account'
          ? 'Too many live connections for this account; close some tabs or windows'
          : 'This server has too many live connections; try again in a moment',
      )
    }
  } catch (err) {
    hold.release()
    throw err
  }
  const { release } = slot

  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'X-Accel-Buffering': 'no',
  })
  res.write('retry: 3000\n\n')
  const send: SendEvent = (name, data) => {
    if (!res.writableEnded) res.write(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`)
  }
  const unsubscribe = stream.subscribe(user, send)
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS)
  let streaming = true
  const stop = () => {
    if (!streaming) return
    streaming = false
    clearInterval(heartbeat)
    unsubscribe()
  }
  // The session ended: not one more event; the stream closes.
  hold.onEnd(() => {
    stop()
    res.end()
  })
  res.on('close', () => {
    stop()
    release()
    hold.release()
  })
}
