import { type DocumentInfo, DocumentStatus } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { LocalTime } from '../../ui/LocalTime'

/** Says why the text cannot be changed: the document is final (by whom, since when), or the role only reads. */
export const ReadOnlyNotice = ({ document }: { document: DocumentInfo }) => {
  const { t } = useTranslation()
  if (document.status !== DocumentStatus.final) {
    return (
      <p className="notice" data-testid="read-only">
        {t('document.readOnlyRole')}
      </p>
    )
  }
  return (
    <p className="notice notice-final" data-testid="read-only">
      {t('document.readOnlyFinal')}{' '}
      {document.statusChangedBy && (
        <>
          {t('document.finalizedBy', { name: document.statusChangedBy.name })}{' '}
          <LocalTime iso={document.statusChangedAt} />.
        </>
      )}
    </p>
  )
}
