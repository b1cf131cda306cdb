import type { ImportReport } from '@accord/protocol'
import { useTranslation } from 'react-i18next'

const COUNTS = ['clauses', 'comments', 'suggestions', 'tables', 'footnotes'] as const

/** What a file holds, as an import preview shows it: the counts, and what is not kept. */
export const ImportReportSummary = ({ report }: { report: ImportReport }) => {
  const { t } = useTranslation()
  return (
    <>
      <ul className="import-counts">
        {COUNTS.map((key) => (
          <li key={key}>{t(`import.counts.${key}`, { count: report[key] })}</li>
        ))}
      </ul>
      {report.warnings.length > 0 && (
        <>
          <h4>{t('import.warningsHeading')}</h4>
          <ul className="import-warnings">
            {report.warnings.map((warning) => (
              <li key={warning.code}>
                {t(`import.warning.${warning.code}` as 'import.warning.images_dropped', {
                  count: warning.count,
                  defaultValue: warning.message,
                })}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  )
}
