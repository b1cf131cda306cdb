import type { CommentMessage } from '@accord/protocol'
import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { MessageBody } from '../../comments/MessageBody'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { LocalTime } from '../../ui/LocalTime'
import { TextForm } from './TextForm'

interface MessageItemProps {
  message: CommentMessage
  /** The signed-in person wrote it: they may edit and delete it. */
  own: boolean
  onEdit: (body: string) => Promise<unknown>
  onDelete: () => Promise<unknown>
}

/** One message of a thread: author, time, text; edit and delete for its author. */
export const MessageItem = ({ message, own, onEdit, onDelete }: MessageItemProps) => {
  const { t } = useTranslation()
  const [editing, setEditing] = useState(false)
  const [askingDelete, setAskingDelete] = useState(false)

  return (
    <li className="comment-message">
      <p className="comment-meta">
        <span
          className="person-dot"
          style={{ backgroundColor: message.author.color }}
          aria-hidden="true"
        />
        <strong>{message.author.name}</strong> <LocalTime iso={message.createdAt} />
        {message.imported && <span className="comment-edited"> · {t('comments.imported')}</span>}
        {message.editedAt && <span className="comment-edited"> · {t('comments.edited')}</span>}
      </p>
      {editing ? (
        <TextForm
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          initial={message.body}
          autoFocus
          onSubmit={async (body) => {
            await onEdit(body)
            setEditing(false)
          }}
          onCancel={() => setEditing(false)}
          cancelLabel={t('comments.cancel')}
        />
      ) : (
        <MessageBody text={message.body} />
      )}
      {own && !editing && (
        <div className="comment-actions">
          <button type="button" className="link-button" onClick={() => setEditing(true)}>
            {t('comments.edit')}
          </button>
          <button type="button" className="link-button" onClick={() => setAskingDelete(true)}>
            {t('comments.delete')}
          </button>
          <ConfirmDialog
            open={askingDelete}
            title={t('confirmations.deleteCommentTitle')}
            message={t('comments.confirmDelete')}
            confirmLabel={t('comments.delete')}
            cancelLabel={t('common.cancel')}
            onConfirm={() => {
              setAskingDelete(false)
              void onDelete()
            }}
            onCancel={() => setAskingDelete(false)}
          />
        </div>
      )}
    </li>
  )
}
