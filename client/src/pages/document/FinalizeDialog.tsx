import type { CommentThread, DocumentInfo, OpenItemsDecision } from '@accord/protocol'
import type { SuggestionSummary } from '@accord/schema'
import { type FormEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'
import { trapTab } from '../../ui/trapTab'

type Choice = OpenItemsDecision['decision']

interface FinalizeDialogProps {
  /** Shown while true. */
  open: boolean
  documentId: string
  /** What is still open in the text and the comments, as the workspace shows it now. */
  suggestions: readonly SuggestionSummary[]
  threads: readonly CommentThread[]
  /** Closes the dialog and shows that suggestion (or thread) in the document, to resolve it. */
  onShowSuggestion: (suggestion: SuggestionSummary) => void
  onShowThread: (threadId: string) => void
  onFinalized: (document: DocumentInfo) => void
  onCancel: () => void
}

/**
 * The checklist before a document becomes final, on the native modal <dialog> as the app's
 * ConfirmDialog: what is still open (each a link to it), and the decision the server asks
 * for: resolve them first, carry them as an appendix, or finalize anyway with a reason.
 */
export const FinalizeDialog = ({
  open,
  documentId,
  suggestions,
  threads,
  onShowSuggestion,
  onShowThread,
  onFinalized,
  onCancel,
}: FinalizeDialogProps) => {
  const { t } = useTranslation()
  const ref = useRef<HTMLDialogElement>(null)
  const titleId = useId()
  const reasonId = useId()
  const [choice, setChoice] = useState<Choice | null>(null)
  const [reason, setReason] = useState('')
  const [missing, setMissing] = useState<string | null>(null)
  const { busy, error, run } = useAction()
  const openThreads = threads.filter((thread) => thread.status === 'open')
  const anythingOpen = suggestions.length + openThreads.length > 0

  useEffect(() => {
    const dialog = ref.current
    if (!dialog) return
    if (open && !dialog.open) {
      setChoice(null)
      setReason('')
      setMissing(null)
      dialog.showModal()
    }
    if (!open && dialog.open) dialog.close()
  }, [open])

  const submit = (event: FormEvent) => {
    event.preventDefault()
    setMissing(null)
    let openItems: OpenItemsDecision | undefined
    if (anythingOpen) {
      if (choice === null) return setMissing(t('finalize.chooseFirst'))
      if (choice === 'finalizeAnyway' && reason.trim() === '') {
        return setMissing(t('finalize.reasonMissing'))
      }
      openItems =
        choice === 'appendix'
          ? { decision: 'appendix' }
          : { decision: choice, reason: reason.trim() }
    }
    void run(async () =>
      onFinalized(await api.updateDocument(documentId, { status: 'final', openItems })),
    )
  }

  return (
    <dialog
      ref={ref}
      className="confirm-dialog finalize-dialog"
      aria-labelledby={titleId}
      onKeyDown={trapTab}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <form onSubmit={submit} noValidate>
        <h2 id={titleId}>{t('finalize.title')}</h2>
        {!anythingOpen && <p>{t('finalize.nothingOpen')}</p>}
        {anythingOpen && (
          <>
            <p>
              {t('finalize.stillOpen', {
                suggestions: t('finalize.suggestionCount', { count: suggestions.length }),
                comments: t('finalize.commentCount', { count: openThreads.length }),
              })}
            </p>
            {suggestions.length > 0 && (
              <section aria-label={t('finalize.suggestionsHeading')}>
                <h3>{t('finalize.suggestionsHeading')}</h3>
                <ul className="finalize-items">
                  {suggestions.map((s) => (
                    <li key={s.id}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onShowSuggestion(s)}
                      >
                        {t('finalize.suggestionItem', {
                          name: s.authorName,
                          clause: s.clauseNumber
                            ? t('suggestions.inClause', { number: s.clauseNumber })
                            : t('finalize.outsideClauses'),
                          text: (s.inserted || s.deleted).trim(),
                        })}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            {openThreads.length > 0 && (
              <section aria-label={t('finalize.commentsHeading')}>
                <h3>{t('finalize.commentsHeading')}</h3>
                <ul className="finalize-items">
                  {openThreads.map((thread) => (
                    <li key={thread.id}>
                      <button
                        type="button"
                        className="link-button"
                        onClick={() => onShowThread(thread.id)}
                      >
                        {t('finalize.commentItem', {
                          name: thread.messages[0]?.author.name ?? '',
                          quote: thread.quote,
                        })}
                      </button>
                    </li>
                  ))}
                </ul>
              </section>
            )}
            <fieldset>
              <legend>{t('finalize.decision')}</legend>
              <p className="field-hint">{t('finalize.resolveHint')}</p>
              <label className="choice">
                <input
                  type="radio"
                  name="openItems"
                  checked={choice === 'appendix'}
                  onChange={() => setChoice('appendix')}
                />
                {t('finalize.appendix')}
              </label>
              <label className="choice">
                <input
                  type="radio"
                  name="openItems"
                  checked={choice === 'finalizeAnyway'}
                  onChange={() => setChoice('finalizeAnyway')}
                />
                {t('finalize.anyway')}
              </label>
              {choice === 'finalizeAnyway' && (
                <div className="field">
                  <label htmlFor={reasonId}>{t('finalize.reason')}</label>
                  <textarea
                    id={reasonId}
                    value={reason}
                    maxLength={2000}
                    required
                    onChange={(event) => setReason(event.target.value)}
                  />
                </div>
              )}
            </fieldset>
          </>
        )}
        <FormMessage error={missing ?? error} />
        <div className="dialog-actions">
          {/* biome-ignore lint/a11y/noAutofocus: focus belongs on the safe answer of a modal question. */}
          <button type="button" className="quiet" autoFocus onClick={onCancel}>
            {anythingOpen ? t('finalize.resolveFirst') : t('finalize.cancel')}
          </button>
          <button type="submit" className="danger" disabled={busy}>
            {t('finalize.confirm')}
          </button>
        </div>
      </form>
    </dialog>
  )
}
