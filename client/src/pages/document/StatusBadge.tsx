import type { DocumentStatus } from '@accord/protocol'
import { useTranslation } from 'react-i18next'

/** A document's status as a small label, in words (never colour alone). */
export const StatusBadge = ({ status }: { status: DocumentStatus }) => {
  const { t } = useTranslation()
  return <span className={`status status-${status}`}>{t(`status.${status}`)}</span>
}
