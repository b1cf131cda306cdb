import type { DocumentInfo } from '@accord/protocol'
import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'wouter'
import { ApiError, api } from '../app/api'
import { useUser } from '../app/useAuth'
import { useErrorMessage } from '../app/useErrorMessage'
import { usePageTitle } from '../app/usePageTitle'
import { Progress } from '../ui/Progress'
import { SideBySide } from './SideBySide'

/** `/documents/:id/side-by-side`: a translation beside its source. */
export const SideBySidePage = () => {
  const { t } = useTranslation()
  const { id = '' } = useParams()
  const user = useUser()
  const errorMessage = useErrorMessage()
  const [pair, setPair] = useState<{ source: DocumentInfo; translation: DocumentInfo } | null>(null)
  const [error, setError] = useState<unknown>(null)
  usePageTitle(pair ? t('translations.sideBySideTitle', { title: pair.translation.title }) : '')

  useEffect(() => {
    let current = true
    setPair(null)
    setError(null)
    const load = async () => {
      const translation = await api.document(id)
      if (!translation.sourceDocumentId) throw new ApiError(409, 'not_a_translation', '')
      const source = await api.document(translation.sourceDocumentId)
      return { source, translation }
    }
    load().then(
      (found) => current && setPair(found),
      (failure: unknown) => current && setError(failure),
    )
    return () => {
      current = false
    }
  }, [id])

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404
    return (
      <div className="page" role="alert">
        <p>{notFound ? t('document.notFound') : errorMessage(error)}</p>
        <p>
          <Link to={`/documents/${encodeURIComponent(id)}/languages`}>
            {t('translations.link')}
          </Link>
        </p>
      </div>
    )
  }
  if (!pair) return <Progress label={t('app.opening')} />
  return <SideBySide key={id} source={pair.source} translation={pair.translation} user={user} />
}
