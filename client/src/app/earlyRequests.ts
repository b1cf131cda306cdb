import type { DocumentInfo, User } from '@accord/protocol'
import { ApiError, api } from './api'

/** The id of the document a path shows (`/documents/:id`), else null. */
export const documentIdInPath = (pathname: string): string | null => {
  const match = /^\/documents\/([^/]+)\/?$/.exec(pathname)
  return match?.[1] ? decodeURIComponent(match[1]) : null
}

/**
 * The requests every start makes, begun when the entry script runs rather than once the
 * strings are loaded and React has rendered: who is signed in and, for a page that shows a
 * document, its details. Each is taken once by what would have asked for it (AuthProvider,
 * DocumentPage); later asks make requests of their own.
 */
let session: Promise<{ user: User }> | null = api.me()

/** The document the address shows, whose details are on their way. */
export const openingDocument = documentIdInPath(window.location.pathname)

let details: { id: string; request: Promise<DocumentInfo> } | null = openingDocument
  ? { id: openingDocument, request: api.document(openingDocument) }
  : null
// Each failure is handled by its taker; none is left unhandled meanwhile.
details?.request.catch(() => undefined)

/** Whether someone is signed in, by the first session check (false when it failed). */
export const signedInAtStart: Promise<boolean> = session.then(
  () => true,
  (error: unknown) => {
    // A signed-out visitor's details were refused; once signed in, the page asks again.
    if (error instanceof ApiError && error.status === 401) details = null
    return false
  },
)

// The text's socket opens as soon as its code (yjs and the provider, a small chunk of their
// own) is here and someone is signed in, while the editor's code still arrives; the page takes
// it (earlyCollab). Not for a signed-out visitor, whose refused socket the page shown after
// signing in would take; nor once the page has asked for the details itself, as it then opens
// the socket itself and may have taken it already.
if (openingDocument) {
  const id = openingDocument
  void Promise.all([import('../collab/earlyCollab'), signedInAtStart]).then(
    ([{ startCollab }, signedIn]) => {
      const pageWaits = details?.id === id && documentIdInPath(window.location.pathname) === id
      if (signedIn && pageWaits) startCollab(id)
    },
    // A chunk that could not be fetched: the page opens the socket, or says what went wrong.
    () => undefined,
  )
}

/** The session check started at start-up, the first time; a new one after that. */
export const checkSession = (): Promise<{ user: User }> => {
  const started = session ?? api.me()
  session = null
  return started
}

/** The document's details requested at start-up if they are this document's, else a new request. */
export const documentDetails = (id: string): Promise<DocumentInfo> => {
  const started = details?.id === id ? details.request : api.document(id)
  details = null
  return started
}
