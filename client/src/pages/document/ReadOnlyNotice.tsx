import { DocumentStatus } from '@accord/protocol'
import { useTranslation } from 'react-i18next'

/** Says why the text cannot be changed: the document is final, or the role only reads. */
export const ReadOnlyNotice = ({ status }: { status: DocumentStatus }) => {
  const { t } = useTranslation()
  return (
    <p className="notice" data-testid="read-only">
      {status === DocumentStatus.final ? t('document.readOnlyFinal') : t('document.readOnlyRole')}
    </p>
  )
}
