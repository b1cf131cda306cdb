import type { ReactNode } from 'react'
import { ErrorBoundary, type FallbackProps } from 'react-error-boundary'
import { useTranslation } from 'react-i18next'

/** The parts of a page that fail alone, named in the message that replaces them. */
export type PagePart =
  | 'page'
  | 'text'
  | 'outline'
  | 'settings'
  | 'presence'
  | 'suggestions'
  | 'comments'
  | 'history'
  | 'authorship'
  | 'export'
  | 'finalize'

interface PartBoundaryProps {
  part: PagePart
  /** When any of these change, the part is drawn again (e.g. the data it failed on). */
  resetKeys?: unknown[]
  children: ReactNode
}

const PartFailed = ({ part, resetErrorBoundary }: FallbackProps & { part: PagePart }) => {
  const { t } = useTranslation()
  return (
    <div className="notice notice-error" role="alert" data-testid="part-failed" data-part={part}>
      <p>{t('parts.failed', { part: t(`parts.${part}`) })}</p>
      <p>
        <button type="button" onClick={resetErrorBoundary}>
          {t('common.retry')}
        </button>
      </p>
    </div>
  )
}

/**
 * Keeps a failure while drawing one part of a page (a panel, the text) to that part: it says so
 * and offers to try again, and the rest of the page stays usable. Shared content is written by
 * every member's client, so one malformed value must never blank the page for everyone.
 */
export const PartBoundary = ({ part, resetKeys, children }: PartBoundaryProps) => (
  <ErrorBoundary
    fallbackRender={(props) => <PartFailed {...props} part={part} />}
    resetKeys={resetKeys}
  >
    {children}
  </ErrorBoundary>
)
