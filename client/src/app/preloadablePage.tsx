import { type ComponentType, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
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
  let loaded: ComponentType | null = null
  let loading: Promise<ComponentType> | null = null
  const preload = (): Promise<ComponentType> => {
    loading ??= load().then(
      (page) => {
        loaded = page
        return page
      },
      (error: unknown) => {
        loading = null
        throw error
      },
    )
    return loading
  }
  const Page = () => {
    const { t } = useTranslation()
    const [state, setState] = useState<Loading>(() => ({ page: loaded }))
    useEffect(() => {
      if (state.page) return
      let mounted = true
      preload().then(
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
  return { Page, preload }
}
