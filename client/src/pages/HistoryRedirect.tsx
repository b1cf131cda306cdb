import { Navigate, useLocation, useParams } from 'react-router'

/**
 * `/documents/:id/history`, from bookmarks, notifications and mail: history is now a panel
 * beside the text, so this opens the document with it (keeping `?version=…`).
 */
export const HistoryRedirect = () => {
  const { id = '' } = useParams()
  const query = new URLSearchParams(useLocation().search)
  query.set('panel', 'history')
  return <Navigate replace to={`/documents/${encodeURIComponent(id)}?${query}`} />
}
