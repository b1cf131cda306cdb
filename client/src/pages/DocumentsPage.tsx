import { atLeast, Role } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { useAuth } from '../app/useAuth'
import { usePageTitle } from '../app/usePageTitle'
import { useSearchParams } from '../app/useSearchParams'
import { Progress } from '../ui/Progress'
import { CreateDocumentForm } from './documents/CreateDocumentForm'
import { DocumentList } from './documents/DocumentList'
import { DocumentSearch } from './documents/DocumentSearch'
import { ImportDocumentForm } from './documents/ImportDocumentForm'
import { useDebounced } from './documents/useDebounced'
import { useDocuments } from './documents/useDocuments'

/** Every document of the working group: create (blank, from a template or from a file), search, rename, open. */
export const DocumentsPage = () => {
  const { t } = useTranslation()
  const { user } = useAuth()
  usePageTitle(t('documents.title'))
  // The search lives in the URL, so Back returns to the same results.
  const [params, setParams] = useSearchParams()
  const query = params.get('q') ?? ''
  const { documents, error, upsert } = useDocuments(useDebounced(query.trim(), 200))

  const search = (value: string) => setParams(value ? { q: value } : {}, { replace: true })

  return (
    <div className="page">
      <h1>{t('documents.title')}</h1>
      {/* The list before the forms: the keyboard reaches the first document without tabbing
          through them, and one link leads to them. */}
      <p>
        <a href="#new-document">{t('documents.toCreate')}</a>
      </p>
      <DocumentSearch value={query} onChange={search} />
      {error && <p role="alert">{error}</p>}
      {documents === null ? (
        !error && <Progress label={t('app.loading')} />
      ) : (
        <DocumentList documents={documents} query={query.trim()} onRenamed={upsert} />
      )}
      <div id="new-document">
        <CreateDocumentForm />
        {user && atLeast(user.role, Role.member) && <ImportDocumentForm />}
      </div>
    </div>
  )
}
