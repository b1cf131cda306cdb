import type { Page } from 'playwright-core'

/**
 * Holds the page's document sockets unconnected until `release()`: the page opens and draws
 * without the server's answer, as on a slow network. Call before the page opens the document.
 */
export const socketHeld = async (page: Page): Promise<{ release: () => void }> => {
  let release: () => void = () => undefined
  const released = new Promise<void>((resolve) => {
    release = resolve
  })
  await page.routeWebSocket(/\/collab\//, async (ws) => {
    await released
    ws.connectToServer()
  })
  return { release }
}
