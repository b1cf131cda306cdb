import type { RoundDispositionSummary } from '@accord/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../../app/api'
import { DecisionCounts } from './DecisionCounts'
import { useRoundLabel } from './useRoundLabel'

/**
 * Per review round: how many comments and suggestions were made during it and what was
 * decided on them. Read from the compilation when opened, so that it is current then.
 */
export const RoundDecisionSummary = ({ documentId }: { documentId: string }) => {
  const { t } = useTranslation()
  const roundLabel = useRoundLabel()
  const [rounds, setRounds] = useState<RoundDispositionSummary[] | null>(null)
  const [failed, setFailed] = useState(false)
  const load = (open: boolean) => {
    if (!open) return
    setFailed(false)
    api
      .compilation(documentId)
      .then((compilation) => setRounds(compilation.rounds))
      .catch(() => setFailed(true))
  }
  return (
    <details className="round-decisions" onToggle={(e) => load(e.currentTarget.open)}>
      <summary>{t('compilationRounds.summaryHeading')}</summary>
      {failed && <p role="alert">{t('compilationRounds.roundsFailed')}</p>}
      {rounds === null ? (
        !failed && <p role="status">{t('app.loading')}</p>
      ) : (
        <dl>
          {rounds.map((round) => (
            <div key={round.roundId}>
              <dt>{roundLabel(round.openedAt, round.closedAt)}</dt>
              <dd>
                <DecisionCounts {...round} />
              </dd>
            </div>
          ))}
        </dl>
      )}
    </details>
  )
}
