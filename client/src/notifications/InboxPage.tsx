import type { Notification } from '@accord/protocol'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { inboxApi } from '../app/api'
import { useAction } from '../app/useAction'
import { usePageTitle } from '../app/usePageTitle'
import { FormMessage } from '../ui/FormMessage'
import { LocalTime } from '../ui/LocalTime'
import { Progress } from '../ui/Progress'
import { linkTo } from './linkTo'
import { useUnreadCount } from './unreadCount'
import './notifications.css'

/** Items of one document together, documents in the order of their newest item. */
const byDocument = (items: Notification[]) => {
  const groups = new Map<string, { title: string | null; items: Notification[] }>()
  for (const n of items) {
    const key = n.documentId ?? ''
    const group = groups.get(key) ?? { title: n.documentTitle, items: [] }
    group.items.push(n)
    groups.set(key, group)
  }
  return [...groups.entries()]
}

/** The inbox: what happened that concerns me, by document, each item linking to its place. */
export const InboxPage = () => {
  const { t } = useTranslation()
  usePageTitle(t('inbox.title'))
  const [items, setItems] = useState<Notification[] | null>(null)
  const { error, run } = useAction()
  const unread = useUnreadCount()

  const load = useCallback(() => {
    void run(async () => setItems((await inboxApi.list()).notifications))
  }, [run])
  // Again whenever the live count changes: something arrived or was read elsewhere.
  useEffect(() => {
    void unread
    load()
  }, [load, unread])

  const markRead = (which: { ids: string[] } | { all: true }) =>
    run(async () => {
      await inboxApi.markRead(which)
      load()
    })

  return (
    <div className="page">
      <h1>{t('inbox.title')}</h1>
      {items === null ? (
        <Progress label={t('inbox.loading')} />
      ) : items.length === 0 ? (
        <p>{t('inbox.empty')}</p>
      ) : (
        <>
          <button
            type="button"
            onClick={() => void markRead({ all: true })}
            disabled={items.every((n) => n.readAt !== null)}
          >
            {t('inbox.markAllRead')}
          </button>
          {byDocument(items).map(([documentId, group]) => (
            <section
              key={documentId}
              className="inbox-group"
              aria-labelledby={`inbox-${documentId}`}
            >
              <h2 id={`inbox-${documentId}`}>{group.title ?? t('inbox.noDocument')}</h2>
              <ul className="inbox-list">
                {group.items.map((n) => (
                  <li key={n.id} className={`inbox-item${n.readAt ? '' : ' is-unread'}`}>
                    {!n.readAt && <span className="visually-hidden">{t('inbox.unread')}: </span>}
                    <Link
                      to={linkTo(n)}
                      onClick={() => !n.readAt && void inboxApi.markRead({ ids: [n.id] })}
                    >
                      {t(`inbox.type.${n.type}`, {
                        actor: n.actor?.name ?? 'Accord',
                        detail: n.target?.detail ?? '',
                      })}
                    </Link>
                    <LocalTime iso={n.createdAt} />
                    {!n.readAt && (
                      <button
                        type="button"
                        className="quiet"
                        onClick={() => void markRead({ ids: [n.id] })}
                      >
                        {t('inbox.markRead')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          ))}
        </>
      )}
      <FormMessage error={error} />
    </div>
  )
}
