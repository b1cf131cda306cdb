import { COMMENT_TYPES, type CommentType } from '@accord/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

interface CommentTypeFieldsProps {
  type: CommentType
  proposedChange: string
  onChange: (value: { type: CommentType; proposedChange: string }) => void
}

/** The type of a new comment (general, technical, editorial) and the change it proposes. */
export const CommentTypeFields = ({ type, proposedChange, onChange }: CommentTypeFieldsProps) => {
  const { t } = useTranslation()
  const typeId = useId()
  const proposedId = useId()
  return (
    <div className="comment-typing">
      <label htmlFor={typeId}>{t('disposition.typeLabel')}</label>
      <select
        id={typeId}
        value={type}
        onChange={(e) => onChange({ type: e.target.value as CommentType, proposedChange })}
      >
        {COMMENT_TYPES.map((value) => (
          <option key={value} value={value}>
            {t(`disposition.types.${value}`)}
          </option>
        ))}
      </select>
      <label htmlFor={proposedId}>{t('disposition.proposedLabel')}</label>
      <textarea
        id={proposedId}
        rows={2}
        maxLength={10_000}
        value={proposedChange}
        onChange={(e) => onChange({ type, proposedChange: e.target.value })}
      />
    </div>
  )
}
