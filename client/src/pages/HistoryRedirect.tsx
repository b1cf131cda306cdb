import { Redirect, useParams } from 'wouter'
import { useSearchParams } from '../app/useSearchParams'

/**
 * `/documents/:id/history`, from bookmarks, notifications and mail: history is now a panel
 * beside the text, so this opens the document with it (keeping `?version=…`).
 */
export const HistoryRedirect = () => {
  const { id = '' } = useParams()
  const query = new URLSearchParams(useSearchParams()[0])
  query.set('panel', 'history')
  return <Redirect replace to={`/documents/${encodeURIComponent(id)}?${query}`} />
}
