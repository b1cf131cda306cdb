import type { WordChange } from '@accord/protocol'
import { useTranslation } from 'react-i18next'

/**
 * What changed in the source clause since it was translated: deleted words struck through,
 * added words underlined, each also named in words for screen readers (not only by style).
 */
export const SourceDiff = ({ changes }: { changes: readonly WordChange[] }) => {
  const { t } = useTranslation()
  return (
    <p className="source-diff">
      {changes.map((change, i) => {
        // biome-ignore lint/suspicious/noArrayIndexKey: the runs never reorder; the diff is drawn anew.
        if (change.type === 'equal') return <span key={i}>{change.text}</span>
        const Tag = change.type === 'insert' ? 'ins' : 'del'
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: as above.
          <Tag key={i}>
            <span className="visually-hidden">
              {t(
                change.type === 'insert' ? 'translations.diffInserted' : 'translations.diffDeleted',
              )}
            </span>
            {change.text}
          </Tag>
        )
      })}
    </p>
  )
}
