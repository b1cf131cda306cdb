/**
 * Registers the service worker that vite-plugin-pwa builds (precache of the built client,
 * navigations network-first with the cached shell as fallback), so the app opens offline.
 * Production builds only: the dev server serves no `sw.js` and must not be cached.
 */
export const registerServiceWorker = (): void => {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('/sw.js').catch(() => {
      // Without it the app still works online; only the offline start is missing.
    })
  })
}
