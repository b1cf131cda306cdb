import type { DocumentInfo } from '@accord/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { ApiError } from '../app/api'
import { documentDetails } from '../app/earlyRequests'
import { useUser } from '../app/useAuth'
import { useErrorMessage } from '../app/useErrorMessage'
import { usePageTitle } from '../app/usePageTitle'
import { dropCollab, startCollab } from '../collab/earlyCollab'
import { rememberDocument, rememberedDocument } from '../offline/offlineMemory'
import { isUnreachable } from '../offline/unreachable'
import { Progress } from '../ui/Progress'
import { DocumentWorkspace } from './document/DocumentWorkspace'

/** `/documents/:id`: loads the document's details, then opens it for collaboration. */
export const DocumentPage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const user = useUser()
  const errorMessage = useErrorMessage()
  const [document, setDocument] = useState<DocumentInfo | null>(null)
  const [error, setError] = useState<unknown>(null)
  usePageTitle(document?.title ?? '')

  useEffect(() => {
    let current = true
    setDocument(null)
    setError(null)
    // The text's socket opens beside this request rather than after it; the workspace takes it.
    startCollab(id)
    documentDetails(id)
      .then((found) => {
        if (!current) return
        rememberDocument(found)
        setDocument(found)
      })
      .catch((failure: unknown) => {
        if (!current) return
        // Offline: open a document opened here before; its text comes from IndexedDB.
        const remembered = isUnreachable(failure) ? rememberedDocument(id) : null
        if (remembered) setDocument(remembered)
        else {
          dropCollab(id)
          setError(failure)
        }
      })
    return () => {
      current = false
      dropCollab(id)
    }
  }, [id])

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404
    return (
      <div className="page" role="alert">
        <p>{notFound ? t('document.notFound') : errorMessage(error)}</p>
        <p>
          <Link to="/">{t('document.backToList')}</Link>
        </p>
      </div>
    )
  }
  if (!document) {
    return <Progress label={t('app.opening')} />
  }
  return (
    <DocumentWorkspace key={document.id} document={document} user={user} onChanged={setDocument} />
  )
}
