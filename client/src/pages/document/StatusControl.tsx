import {
  type CommentThread,
  canChangeStatus,
  type DocumentInfo,
  DocumentStatus,
  type Role,
} from '@accord/protocol'
import type { SuggestionSummary } from '@accord/schema'
import { lazy, Suspense, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { withMoreStrings } from '../../i18n/i18n'
import { FormMessage } from '../../ui/FormMessage'
import { PartBoundary } from '../../ui/PartBoundary'
import { StatusBadge } from './StatusBadge'

// Its own chunk, loaded when first asked for: opening a document does not need it.
const FinalizeDialog = lazy(
  withMoreStrings(() => import('./FinalizeDialog').then((m) => ({ default: m.FinalizeDialog }))),
)

const STATUSES: readonly DocumentStatus[] = ['draft', 'review', 'final']

interface StatusControlProps {
  document: DocumentInfo
  role: Role
  onChanged: (document: DocumentInfo) => void
  /** What is open now: the finalize checklist lists it, each with a way to it. */
  suggestions: readonly SuggestionSummary[]
  threads: readonly CommentThread[]
  onShowSuggestion: (suggestion: SuggestionSummary) => void
  onShowThread: (threadId: string) => void
}

/**
 * The document's status; a menu for those whose role may move it, plain words for everyone
 * else. Choosing "final" opens the finalize checklist instead of changing it at once.
 */
export const StatusControl = ({
  document,
  role,
  onChanged,
  suggestions,
  threads,
  onShowSuggestion,
  onShowThread,
}: StatusControlProps) => {
  const { t } = useTranslation()
  const id = useId()
  const { busy, error, run } = useAction()
  const [finalizing, setFinalizing] = useState(false)
  // Mounted from the first request on (it closes itself, returning focus, when not wanted).
  const [finalizeAsked, setFinalizeAsked] = useState(false)
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

  const change = (status: DocumentStatus) => {
    if (status === DocumentStatus.final) {
      setFinalizeAsked(true)
      return setFinalizing(true)
    }
    void run(async () => onChanged(await api.updateDocument(document.id, { status })))
  }
  // Leaving the checklist for one of its items: the dialog closes, the item is shown.
  const leaveFor =
    <A extends unknown[]>(show: (...args: A) => void) =>
    (...args: A) => {
      setFinalizing(false)
      show(...args)
    }

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
      {finalizeAsked && (
        <PartBoundary part="finalize">
          <Suspense fallback={null}>
            <FinalizeDialog
              open={finalizing}
              documentId={document.id}
              suggestions={suggestions}
              threads={threads}
              onShowSuggestion={leaveFor(onShowSuggestion)}
              onShowThread={leaveFor(onShowThread)}
              onFinalized={(updated) => {
                setFinalizing(false)
                onChanged(updated)
              }}
              onCancel={() => setFinalizing(false)}
            />
          </Suspense>
        </PartBoundary>
      )}
    </div>
  )
}
