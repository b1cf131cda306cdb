import { DECISIONS, type Decision, type Disposition } from '@accord/protocol'
import { type FormEvent, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

interface DispositionFormProps {
  disposition: Pick<Disposition, 'decision' | 'reason'> | null
  onDecide: (disposition: { decision: Decision; reason: string } | null) => Promise<unknown>
}

/**
 * A coordinator's decision on a comment or a suggestion, with its reason; a recorded one may
 * be withdrawn.
 */
export const DispositionForm = ({ disposition, onDecide }: DispositionFormProps) => {
  const { t } = useTranslation()
  const decisionId = useId()
  const reasonId = useId()
  const [decision, setDecision] = useState<Decision>(disposition?.decision ?? 'accepted')
  const [reason, setReason] = useState(disposition?.reason ?? '')
  const { busy, error, run } = useAction()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void run(() => onDecide({ decision, reason }))
  }

  return (
    <form className="disposition-form" onSubmit={submit}>
      <label htmlFor={decisionId}>{t('disposition.decisionLabel')}</label>
      <select
        id={decisionId}
        value={decision}
        onChange={(e) => setDecision(e.target.value as Decision)}
      >
        {DECISIONS.map((value) => (
          <option key={value} value={value}>
            {t(`disposition.decisions.${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor={reasonId}>{t('disposition.reasonLabel')}</label>
      <textarea
        id={reasonId}
        rows={2}
        maxLength={10_000}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {t('disposition.record')}
        </button>
        {disposition && (
          <button
            type="button"
            className="quiet"
            disabled={busy}
            onClick={() => void run(() => onDecide(null))}
          >
            {t('disposition.withdraw')}
          </button>
        )}
      </div>
      <FormMessage error={error} />
    </form>
  )
}
