import type { TextChange } from '@accord/diff'
import { useTranslation } from 'react-i18next'

/**
 * A proposed change as a redline against the quoted words it replaces: deleted words struck
 * through, inserted ones underlined, each also announced ("deleted:", "inserted:") so that
 * neither colour nor line alone carries the meaning.
 */
export const ProposedRedline = ({ changes }: { changes: readonly TextChange[] }) => {
  const { t } = useTranslation()
  return (
    <p className="comment-redline">
      {changes.map((change, i) =>
        change.type === 'delete' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
          <del key={i}>
            <span className="visually-hidden">{t('proposedRedline.deleted')} </span>
            {change.text}
          </del>
        ) : change.type === 'insert' ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
          <ins key={i}>
            <span className="visually-hidden">{t('proposedRedline.inserted')} </span>
            {change.text}
          </ins>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the list is rebuilt whole, never reordered
          <span key={i}>{change.text}</span>
        ),
      )}
    </p>
  )
}
