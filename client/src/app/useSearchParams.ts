import { useCallback, useMemo } from 'react'
import { useLocation } from 'wouter'
import { useSearch } from 'wouter/use-browser-location'

type SetSearchParams = (next: Record<string, string>, options?: { replace?: boolean }) => void

/**
 * The address's query, live, and a way to change it on the same page. Reads `location.search`
 * as it is: wouter's own `useSearchParams` decodes the query once before URLSearchParams
 * decodes it again, so a search for "%41" would come back as "A".
 */
export const useSearchParams = (): [URLSearchParams, SetSearchParams] => {
  const search = useSearch()
  const [, navigate] = useLocation()
  const params = useMemo(() => new URLSearchParams(search), [search])
  const setParams = useCallback<SetSearchParams>(
    (next, options) => {
      const query = new URLSearchParams(next).toString()
      navigate(`${window.location.pathname}${query ? `?${query}` : ''}`, options)
    },
    [navigate],
  )
  return [params, setParams]
}
