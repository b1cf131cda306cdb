import { DECISIONS, type Decision } from '@accord/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

/** Which decision the listed threads carry: any, none yet, or one of them. */
export type DecisionFilterValue = 'any' | 'undecided' | Decision

export const DecisionFilter = ({
  value,
  onChange,
}: {
  value: DecisionFilterValue
  onChange: (value: DecisionFilterValue) => void
}) => {
  const { t } = useTranslation()
  const id = useId()
  return (
    <div className="decision-filter">
      <label htmlFor={id}>{t('disposition.filterLabel')}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value as DecisionFilterValue)}
      >
        <option value="any">{t('disposition.anyDecision')}</option>
        <option value="undecided">{t('disposition.undecided')}</option>
        {DECISIONS.map((decision) => (
          <option key={decision} value={decision}>
            {t(`disposition.decisions.${decision}`)}
          </option>
        ))}
      </select>
    </div>
  )
}
