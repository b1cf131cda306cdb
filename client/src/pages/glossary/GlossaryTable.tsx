import {
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
  documentLanguageInfo,
  type GlossaryEntry,
} from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { entryName } from './entryName'

interface GlossaryTableProps {
  entries: GlossaryEntry[]
  /** The id of the heading that names the table. */
  labelledBy: string
  mayManage: boolean
  onEdit: (entry: GlossaryEntry) => void
  onDelete: (entry: GlossaryEntry) => void
}

/** The entries, one row each: preferred terms and forbidden variants by language, the note. */
export const GlossaryTable = ({
  entries,
  labelledBy,
  mayManage,
  onEdit,
  onDelete,
}: GlossaryTableProps) => {
  const { t } = useTranslation()
  if (entries.length === 0) return <p>{t('glossary.none')}</p>
  return (
    <table className="glossary-table" aria-labelledby={labelledBy}>
      <thead>
        <tr>
          <th scope="col">{t('glossary.terms')}</th>
          <th scope="col">{t('glossary.forbidden')}</th>
          <th scope="col">{t('glossary.note')}</th>
          {mayManage && <th scope="col">{t('glossary.actions')}</th>}
        </tr>
      </thead>
      <tbody>
        {entries.map((entry) => (
          <tr key={entry.id}>
            <td>
              <ByLanguage values={(language) => entry.terms[language]} />
            </td>
            <td>
              <ByLanguage values={(language) => entry.forbidden[language]?.join('; ')} />
            </td>
            <td>{entry.note}</td>
            {mayManage && (
              <td className="row-actions">
                <button
                  type="button"
                  className="quiet"
                  aria-label={`${t('glossary.edit')}: ${entryName(entry)}`}
                  onClick={() => onEdit(entry)}
                >
                  {t('glossary.edit')}
                </button>
                <button
                  type="button"
                  className="quiet danger"
                  aria-label={`${t('glossary.delete')}: ${entryName(entry)}`}
                  onClick={() => onDelete(entry)}
                >
                  {t('glossary.delete')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

/** A list of "language: text" for the languages that have a value, each marked with its language. */
const ByLanguage = ({ values }: { values: (language: DocumentLanguage) => string | undefined }) => {
  const present = DOCUMENT_LANGUAGES.flatMap((language) => {
    const value = values(language)
    return value ? [{ language, value }] : []
  })
  if (present.length === 0) return null
  return (
    <dl className="by-language">
      {present.map(({ language, value }) => (
        <div key={language}>
          <dt>
            <abbr title={documentLanguageInfo(language).nativeName}>{language}</abbr>
          </dt>
          <dd lang={language}>{value}</dd>
        </div>
      ))}
    </dl>
  )
}
