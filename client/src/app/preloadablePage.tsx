import { type ComponentType, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { loadOnce } from '../ui/loadOnce'
import { Progress } from '../ui/Progress'

/** What a preloadable page's element holds: its code once here, or why it could not come. */
type Loading = { page: ComponentType | null; failure?: { error: unknown } }

/**
 * A page in a chunk of its own that may be fetched before it is shown (`preload`). It does not
 * suspend: until its code is here it shows "Loading…" as state, and draws the page the moment
 * the code arrives. A suspended React.lazy page would be held back instead: React keeps a
 * Suspense fallback on screen for at least 300 ms once shown, even when the code comes sooner
 * (100–150 ms of an idle main thread before a document's editor, in the opening's profile).
 * Code that could not be fetched is thrown to the page's error boundary, whose retry fetches
 * it again.
 */
export const preloadablePage = (load: () => Promise<ComponentType>) => {
  const code = loadOnce(load)
  const Page = () => {
    const { t } = useTranslation()
    const [state, setState] = useState<Loading>(() => ({ page: code.loaded() }))
    useEffect(() => {
      if (state.page) return
      let mounted = true
      code.load().then(
        (page) => mounted && setState({ page }),
        (error: unknown) => mounted && setState({ page: null, failure: { error } }),
      )
      return () => {
        mounted = false
      }
    }, [state.page])
    if (state.failure) throw state.failure.error
    const Ready = state.page
    return Ready ? <Ready /> : <Progress label={t('app.loading')} />
  }
  return { Page, preload: code.load }
}
