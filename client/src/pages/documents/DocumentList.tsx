import type { DocumentInfo } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { DocumentRow } from './DocumentRow'

interface DocumentListProps {
  documents: DocumentInfo[]
  /** The search in effect, to explain an empty result. */
  query: string
  onRenamed: (document: DocumentInfo) => void
}

export const DocumentList = ({ documents, query, onRenamed }: DocumentListProps) => {
  const { t } = useTranslation()
  if (documents.length === 0) {
    return <p role="status">{query ? t('documents.noMatches', { query }) : t('documents.empty')}</p>
  }
  return (
    <ul className="document-list" aria-label={t('documents.listLabel')}>
      {documents.map((document) => (
        <DocumentRow key={document.id} document={document} onRenamed={onRenamed} />
      ))}
    </ul>
  )
}
