import type { DocumentEvent } from '@accord/protocol'

export interface EventStream<E = DocumentEvent> {
  events: E[]
  /** True once the server ended the stream (or it broke). */
  readonly ended: boolean
  close(): void
}

/**
 * Subscribes to GET /api/documents/:id/events (Server-Sent Events) as a browser's
 * EventSource would, collecting every event. Resolves once the stream is open.
 */
export const openEventStream = (
  url: string,
  documentId: string,
  cookie: string,
): Promise<EventStream> => openStream(`${url}/api/documents/${documentId}/events`, cookie)

/** Any Server-Sent Events stream of the API (e.g. /api/notifications/events), read alike. */
export const openStream = async <E = DocumentEvent>(
  streamUrl: string,
  cookie: string,
): Promise<EventStream<E>> => {
  const controller = new AbortController()
  const res = await fetch(streamUrl, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  })
  if (res.status !== 200 || !res.body) throw new Error(`event stream refused: ${res.status}`)
  const events: E[] = []
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let buffer = ''
  let ended = false
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read()
        if (done) return
        buffer += value
        let end = buffer.indexOf('\n\n')
        while (end >= 0) {
          const block = buffer.slice(0, end)
          buffer = buffer.slice(end + 2)
          const data = block
            .split('\n')
            .filter((line) => line.startsWith('data: '))
            .map((line) => line.slice(6))
            .join('\n')
          if (data) events.push(JSON.parse(data) as E)
          end = buffer.indexOf('\n\n')
        }
      }
    } catch {
      // Aborted by close(), or the server went away: the events so far stay.
    } finally {
      ended = true
    }
  })()
  return {
    events,
    get ended() {
      return ended
    },
    close: () => controller.abort(),
  }
}
