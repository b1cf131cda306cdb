import { whenIdle } from '../ui/whenIdle'

/** The pages that open a document's text: the document's own and the translator's side by side. */
const OPENS_TEXT = /^\/documents\/[^/]+(\/side-by-side)?\/?$/

/** The longest, after the page loaded, the worker waits for a document's text (it may never come: a missing document, a page left). */
const TEXT_WAIT_MS = 20_000

let showText = () => {}
const textShown = new Promise<void>((resolve) => {
  showText = resolve
})

/** The page has drawn its document's text (both, side by side): a worker waiting for it may install now. */
export const documentTextShown = (): void => showText()

/**
 * Registers the service worker that vite-plugin-pwa builds (precache of the built client,
 * navigations network-first with the cached shell as fallback), so the app opens offline.
 * Only once the page has loaded and then has a moment free, and on a page that opens a
 * document's text only once it is drawn: installing fetches and stores the whole built
 * client, and on a first visit that work took the machine from the page (a 1 MiB document
 * became editable about 0.6 s later on two cores; docs/performance.md, session 11).
 * Production builds only: the dev server serves no `sw.js` and must not be cached.
 */
export const registerServiceWorker = (): void => {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  const opensText = OPENS_TEXT.test(window.location.pathname)
  window.addEventListener('load', () => {
    const ready = opensText
      ? Promise.race([textShown, new Promise((resolve) => setTimeout(resolve, TEXT_WAIT_MS))])
      : Promise.resolve()
    void ready.then(() =>
      whenIdle(() => {
        navigator.serviceWorker.register('/sw.js').catch(() => {
          // Without it the app still works online; only the offline start is missing.
        })
      }),
    )
  })
}
