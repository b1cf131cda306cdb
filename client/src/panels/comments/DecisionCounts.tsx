import { DECISIONS, type Decision } from '@accord/protocol'
import { useTranslation } from 'react-i18next'

/** "5 in all, 2 without a decision; Accepted: 3" (decisions none of which was taken left out). */
export const DecisionCounts = ({
  total,
  undecided,
  decisions,
}: {
  total: number
  undecided: number
  decisions: Record<Decision, number>
}) => {
  const { t } = useTranslation()
  return (
    <>
      {t('disposition.summaryLine', { total, undecided })}
      {DECISIONS.filter((decision) => decisions[decision] > 0).map((decision) => (
        <span key={decision}>
          {'; '}
          {t(`disposition.decisions.${decision}`)}: {decisions[decision]}
        </span>
      ))}
    </>
  )
}
