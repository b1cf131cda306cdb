import { type ComponentType, lazy, useState } from 'react'

/**
 * A page in a chunk of its own that may be fetched before it is shown (`preload`). Shown
 * after that, it renders at once: a React.lazy page suspends the first time it renders even
 * when its code is there, and React then keeps the Suspense fallback on screen for at least
 * 300 ms. Shown before, it is the lazy page (inside a Suspense boundary, as any lazy page).
 */
export const preloadablePage = (load: () => Promise<ComponentType>) => {
  let loaded: ComponentType | null = null
  const preload = () =>
    load().then((page) => {
      loaded = page
      return page
    })
  const Lazy = lazy(() => preload().then((page) => ({ default: page })))
  const Page = () => {
    // Chosen once per mount: switching from the lazy page to the loaded one would remount it.
    const [Ready] = useState(() => loaded)
    return Ready ? <Ready /> : <Lazy />
  }
  return { Page, preload }
}
