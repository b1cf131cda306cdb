import type { DocumentEvent } from '@accord/protocol'

export interface EventStream {
  events: DocumentEvent[]
  /** True once the server ended the stream (or it broke). */
  readonly ended: boolean
  close(): void
}

/**
 * Subscribes to GET /api/documents/:id/events (Server-Sent Events) as a browser's
 * EventSource would, collecting every event. Resolves once the stream is open.
 */
export const openEventStream = async (
  url: string,
  documentId: string,
  cookie: string,
): Promise<EventStream> => {
  const controller = new AbortController()
  const res = await fetch(`${url}/api/documents/${documentId}/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: controller.signal,
  })
  if (res.status !== 200 || !res.body) throw new Error(`event stream refused: ${res.status}`)
  const events: DocumentEvent[] = []
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
          if (data) events.push(JSON.parse(data) as DocumentEvent)
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
