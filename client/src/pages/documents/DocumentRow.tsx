import type { DocumentInfo } from '@accord/protocol'
import { useRef, useState } from 'react'
import { Trans, useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { LocalTime } from '../../ui/LocalTime'
import { StatusBadge } from '../document/StatusBadge'
import { RenameDocumentForm } from './RenameDocumentForm'

interface DocumentRowProps {
  document: DocumentInfo
  onRenamed: (document: DocumentInfo) => void
}

/** One document in the list: title (opens it), status, last change, and inline rename. */
export const DocumentRow = ({ document, onRenamed }: DocumentRowProps) => {
  const { t } = useTranslation()
  const [renaming, setRenaming] = useState(false)
  const renameButton = useRef<HTMLButtonElement>(null)

  const stopRenaming = () => {
    setRenaming(false)
    // Give focus back where it was, not to the top of the page.
    requestAnimationFrame(() => renameButton.current?.focus())
  }

  return (
    <li className="document-row">
      {renaming ? (
        <RenameDocumentForm
          document={document}
          onCancel={stopRenaming}
          onRenamed={(renamed) => {
            onRenamed(renamed)
            stopRenaming()
          }}
        />
      ) : (
        <>
          <Link to={`/documents/${encodeURIComponent(document.id)}`} className="document-title">
            {document.title}
          </Link>
          <button
            type="button"
            ref={renameButton}
            className="quiet"
            onClick={() => setRenaming(true)}
            aria-label={t('documents.renameAria', { title: document.title })}
          >
            {t('documents.rename')}
          </button>
        </>
      )}
      <p className="document-meta">
        <StatusBadge status={document.status} />
        <span>
          <Trans
            i18nKey="documents.updated"
            components={{ time: <LocalTime iso={document.updatedAt} /> }}
          />
        </span>
      </p>
    </li>
  )
}
