import type { Page } from 'playwright-core'

/** Holds back what a page sends on its document sockets, from `hold()` to `release()`. */
export const outgoingHold = () => {
  let held: (() => void)[] | null = null
  return {
    /** Routes the page's document sockets through the hold; before the page opens. */
    route: (page: Page) =>
      page.routeWebSocket(/\/collab\//, (socket) => {
        const server = socket.connectToServer()
        socket.onMessage((message) => {
          if (held) held.push(() => server.send(message))
          else server.send(message)
        })
      }),
    hold: () => {
      held = []
    },
    release: () => {
      const sends = held ?? []
      held = null
      for (const send of sends) send()
    },
  }
}
