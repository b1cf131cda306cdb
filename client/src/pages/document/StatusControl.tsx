import {
  canChangeStatus,
  type DocumentInfo,
  type DocumentStatus,
  type Role,
} from '@accord/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'
import { StatusBadge } from './StatusBadge'

const STATUSES: readonly DocumentStatus[] = ['draft', 'review', 'final']

interface StatusControlProps {
  document: DocumentInfo
  role: Role
  onChanged: (document: DocumentInfo) => void
}

/** The document's status; a menu for those whose role may move it, plain words for everyone else. */
export const StatusControl = ({ document, role, onChanged }: StatusControlProps) => {
  const { t } = useTranslation()
  const id = useId()
  const { busy, error, run } = useAction()
  const allowed = STATUSES.filter(
    (status) => status === document.status || canChangeStatus(role, document.status, status),
  )

  if (allowed.length < 2) {
    return (
      <p className="document-status">
        <span className="visually-hidden">{t('document.statusLabel')}: </span>
        <StatusBadge status={document.status} />
      </p>
    )
  }

  const change = (status: DocumentStatus) =>
    void run(async () => onChanged(await api.updateDocument(document.id, { status })))

  return (
    <div className="document-status field-inline">
      <label htmlFor={id}>{t('document.statusLabel')}</label>
      <select
        id={id}
        value={document.status}
        disabled={busy}
        onChange={(event) => change(event.target.value as DocumentStatus)}
      >
        {allowed.map((status) => (
          <option key={status} value={status}>
            {t(`status.${status}`)}
          </option>
        ))}
      </select>
      <FormMessage error={error} />
    </div>
  )
}
