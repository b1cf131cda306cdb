import { canEditText, type DocumentInfo, type User } from '@accord/protocol'
import { useEffect, useId } from 'react'
import { useAuth } from '../../app/useAuth'
import { ConnectionIndicator } from '../../collab/ConnectionIndicator'
import { useCollabDocument } from '../../collab/useCollabDocument'
import { CollaborativeEditor } from '../../editor/CollaborativeEditor'
import { PresenceList } from '../../panels/PresenceList'
import { ReadOnlyNotice } from './ReadOnlyNotice'
import { StatusControl } from './StatusControl'
import { StopNotice } from './StopNotice'

interface DocumentWorkspaceProps {
  document: DocumentInfo
  user: User
  onChanged: (document: DocumentInfo) => void
}

/** One open document: title and status, connection state, the shared text and who is here. */
export const DocumentWorkspace = ({ document, user, onChanged }: DocumentWorkspaceProps) => {
  const titleId = useId()
  const { setUser } = useAuth()
  const presenceUser = { id: user.id, name: user.name, color: user.color, role: user.role }
  const { session, connection, presence, stop } = useCollabDocument(document.id, presenceUser)

  useEffect(() => {
    // The server ended the session: show the sign-in page (the URL stays, to come back here).
    if (stop?.reason === 'unauthorized') setUser(null)
  }, [stop, setUser])

  const mayEdit = canEditText(user.role, document.status)
  const lostAccess = stop !== null && stop.reason !== 'rejected'

  return (
    <article className="document" aria-labelledby={titleId}>
      <header className="document-header">
        <h1 id={titleId}>{document.title}</h1>
        <StatusControl document={document} role={user.role} onChanged={onChanged} />
        {!stop && <ConnectionIndicator state={connection} />}
      </header>
      {stop && <StopNotice stop={stop} />}
      {!lostAccess && (
        <>
          {!mayEdit && <ReadOnlyNotice status={document.status} />}
          <div className="document-body">
            <div className="document-text">
              {session && (
                <CollaborativeEditor
                  ydoc={session.ydoc}
                  provider={session.provider}
                  user={presenceUser}
                  editable={mayEdit && !stop}
                />
              )}
            </div>
            <aside className="document-side">
              <PresenceList users={presence} selfId={user.id} />
            </aside>
          </div>
        </>
      )}
    </article>
  )
}
