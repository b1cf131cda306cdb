import { canResolveSuggestions, DocumentStatus, type MyWorkResponse } from '@accord/protocol'
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { myWorkApi } from '../app/api'
import { useAction } from '../app/useAction'
import { useAuth } from '../app/useAuth'
import { usePageTitle } from '../app/usePageTitle'
import { useUnreadCount } from '../notifications/unreadCount'
import { FormMessage } from '../ui/FormMessage'
import { LocalTime } from '../ui/LocalTime'
import { Progress } from '../ui/Progress'
import './myWork.css'

/**
 * How often the page reads again while it is shown: a new suggestion or a document moved into
 * review brings nobody a notification.
 */
const REREAD_MS = 60_000

const documentPath = (documentId: string) => `/documents/${encodeURIComponent(documentId)}`

/** One section of the page: a heading with its count, the items, or what it says when empty. */
const WorkSection = ({
  heading,
  empty,
  items,
}: {
  heading: string
  empty: string
  items: { key: string; content: ReactNode }[]
}) => {
  const id = useId()
  return (
    <section className="work-section" aria-labelledby={id}>
      <h2 id={id}>{heading}</h2>
      {items.length === 0 ? (
        <p className="work-empty">{empty}</p>
      ) : (
        <ul className="work-list">
          {items.map((item) => (
            <li key={item.key} className="work-item">
              {item.content}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/**
 * What waits for me across documents: threads where someone else wrote last, suggestions to
 * decide (coordinators and the secretariat), documents in review I have not opened since.
 */
export const MyWorkPage = () => {
  const { t } = useTranslation()
  const { user } = useAuth()
  usePageTitle(t('myWork.title'))
  const [work, setWork] = useState<MyWorkResponse | null>(null)
  const { error, run } = useAction()

  const read = useCallback(() => run(async () => setWork(await myWorkApi.read())), [run])
  useEffect(() => {
    void read()
  }, [read])

  // Live: read again when a notification arrives (a mention, a reply, a status change), when
  // the person comes back to the tab, and now and then while they look at it.
  const unread = useUnreadCount()
  const lastUnread = useRef<number | null>(null)
  useEffect(() => {
    if (unread !== null && lastUnread.current !== null && unread > lastUnread.current) void read()
    lastUnread.current = unread
  }, [unread, read])
  useEffect(() => {
    const whenShown = () => {
      if (document.visibilityState === 'visible') void read()
    }
    document.addEventListener('visibilitychange', whenShown)
    const timer = setInterval(whenShown, REREAD_MS)
    return () => {
      document.removeEventListener('visibilitychange', whenShown)
      clearInterval(timer)
    }
  }, [read])

  const decides = user !== null && canResolveSuggestions(user.role, DocumentStatus.review)

  return (
    <div className="page">
      <h1>{t('myWork.title')}</h1>
      {work === null ? (
        !error && <Progress label={t('myWork.loading')} />
      ) : (
        <>
          <WorkSection
            heading={t('myWork.threads', { count: work.threads.length })}
            empty={t('myWork.noThreads')}
            items={work.threads.map((thread) => ({
              key: thread.threadId,
              content: (
                <>
                  <Link
                    to={`${documentPath(thread.documentId)}?thread=${encodeURIComponent(thread.threadId)}`}
                  >
                    {t('myWork.thread', { document: thread.documentTitle, quote: thread.quote })}
                  </Link>
                  <span className="work-detail">
                    {t(thread.mentioned ? 'myWork.mentionedBy' : 'myWork.lastFrom', {
                      name: thread.lastAuthor.name,
                    })}{' '}
                    <LocalTime iso={thread.lastAt} />
                  </span>
                </>
              ),
            }))}
          />
          {decides && (
            <WorkSection
              heading={t('myWork.suggestions', { count: work.suggestions.length })}
              empty={t('myWork.noSuggestions')}
              items={work.suggestions.map((s) => ({
                key: `${s.documentId}/${s.suggestionId}`,
                content: (
                  <>
                    <Link
                      to={`${documentPath(s.documentId)}?suggestion=${encodeURIComponent(s.suggestionId)}`}
                    >
                      {t(s.clauseNumber ? 'myWork.suggestionInClause' : 'myWork.suggestion', {
                        document: s.documentTitle,
                        kind: t(`suggestions.kind.inline.${s.kind}`),
                        clause: s.clauseNumber,
                      })}
                    </Link>
                    <span className="work-detail">
                      {s.deleted && (
                        <>
                          <span className="visually-hidden">{t('suggestions.before')}: </span>
                          <del>{s.deleted}</del>{' '}
                        </>
                      )}
                      {s.inserted && (
                        <>
                          <span className="visually-hidden">{t('suggestions.after')}: </span>
                          <ins>{s.inserted}</ins>
                        </>
                      )}
                    </span>
                    <span className="work-detail">
                      {t('myWork.suggestedBy', { name: s.author.name })} <LocalTime iso={s.at} />
                    </span>
                  </>
                ),
              }))}
            />
          )}
          <WorkSection
            heading={t('myWork.documents', { count: work.documents.length })}
            empty={t('myWork.noDocuments')}
            items={work.documents.map((d) => ({
              key: d.documentId,
              content: (
                <>
                  <Link to={documentPath(d.documentId)}>{d.documentTitle}</Link>
                  <span className="work-detail">
                    {t('myWork.inReviewSince')} <LocalTime iso={d.inReviewSince} />
                  </span>
                </>
              ),
            }))}
          />
        </>
      )}
      <FormMessage error={error} />
    </div>
  )
}
