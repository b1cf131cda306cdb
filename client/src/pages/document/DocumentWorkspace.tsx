import {
  atLeast,
  canChangeSettings,
  canDecideComments,
  canEditText,
  canResolveSuggestions,
  type DocumentInfo,
  mustSuggest,
  Role,
  type User,
} from '@accord/protocol'
import type { Editor } from '@tiptap/react'
import {
  type KeyboardEvent,
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
} from 'react'
import { flushSync } from 'react-dom'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import { inboxApi } from '../../app/api'
import { useAuth } from '../../app/useAuth'
import { useSearchParams } from '../../app/useSearchParams'
import { AuthorshipBar } from '../../authorship/AuthorshipBar'
import { useAuthorship } from '../../authorship/useAuthorship'
import { ConnectionIndicator } from '../../collab/ConnectionIndicator'
import { SaveIndicator } from '../../collab/SaveIndicator'
import { useCollabDocument } from '../../collab/useCollabDocument'
import { useDocumentEvents } from '../../collab/useDocumentEvents'
import { usePresenceAnnouncements } from '../../collab/usePresenceAnnouncements'
import { useTextArrived } from '../../collab/useTextArrived'
import { useCommentHighlights } from '../../comments/useCommentHighlights'
import { useComments } from '../../comments/useComments'
import { useCommentsView } from '../../comments/useCommentsView'
import { CollaborativeEditor } from '../../editor/CollaborativeEditor'
import { preloadEditingCode } from '../../editor/preloadEditingCode'
import { withMoreStrings } from '../../i18n/i18n'
import { WatchToggle } from '../../notifications/WatchToggle'
import { documentTextShown } from '../../offline/registerServiceWorker'
import { useVersionHistory } from '../../panels/history/useVersionHistory'
import { PresenceList } from '../../panels/PresenceList'
import { useReviewRound } from '../../reviewRounds/useReviewRound'
import type { SuggestionDecisionNews } from '../../suggestions/SuggestionsPanel'
import { SuggestModeToggle } from '../../suggestions/SuggestModeToggle'
import { useSuggestions } from '../../suggestions/useSuggestions'
import { useSuggestModeExtension } from '../../suggestions/useSuggestModeExtension'
import { useWantedSuggestion } from '../../suggestions/useWantedSuggestion'
import { PartBoundary } from '../../ui/PartBoundary'
import { Progress } from '../../ui/Progress'
import { useAnnouncer } from '../../ui/useAnnouncer'
import { ExportMenu } from './ExportMenu'
import { ReadOnlyNotice } from './ReadOnlyNotice'
import { StatusControl } from './StatusControl'
import { StopNotice } from './StopNotice'

/*
 * The parts of an open document that typing does not need, each its own chunk: the
 * comments (list and margin), the suggestions, the history and its comparisons (with the
 * diff library), the review-round forms, the outline, the document settings and the export
 * menu's panel (ExportMenu). The page loads them once the text has arrived
 * (`useTextArrived`) or when they are opened, so the editor's own code comes first.
 */

const CommentsPanel = lazy(
  withMoreStrings(() =>
    import('../../panels/comments/CommentsPanel').then((m) => ({ default: m.CommentsPanel })),
  ),
)
const CommentMargin = lazy(
  withMoreStrings(() =>
    import('../../panels/comments/CommentMargin').then((m) => ({ default: m.CommentMargin })),
  ),
)
const SuggestionsPanel = lazy(
  withMoreStrings(() =>
    import('../../suggestions/SuggestionsPanel').then((m) => ({ default: m.SuggestionsPanel })),
  ),
)
const HistoryPanel = lazy(
  withMoreStrings(() =>
    import('../../panels/history/HistoryPanel').then((m) => ({ default: m.HistoryPanel })),
  ),
)
const HistoryView = lazy(
  withMoreStrings(() =>
    import('../../panels/history/HistoryView').then((m) => ({ default: m.HistoryView })),
  ),
)
const OutlinePanel = lazy(
  withMoreStrings(() =>
    import('../../panels/outline/OutlinePanel').then((m) => ({ default: m.OutlinePanel })),
  ),
)
const DocumentSettingsForm = lazy(
  withMoreStrings(() =>
    import('../../panels/outline/DocumentSettingsForm').then((m) => ({
      default: m.DocumentSettingsForm,
    })),
  ),
)
const OpenRoundForm = lazy(
  withMoreStrings(() =>
    import('../../reviewRounds/OpenRoundForm').then((m) => ({ default: m.OpenRoundForm })),
  ),
)
const ReviewRoundBanner = lazy(
  withMoreStrings(() =>
    import('../../reviewRounds/ReviewRoundBanner').then((m) => ({ default: m.ReviewRoundBanner })),
  ),
)

interface DocumentWorkspaceProps {
  document: DocumentInfo
  user: User
  onChanged: (document: DocumentInfo) => void
}

/**
 * One open document: title and status on top, then the clause outline and document settings
 * on the left, the shared text in the middle (open comments in a margin beside it, unless the
 * person chose the list) and who is here, the history and the comments on the right. A version
 * or comparison chosen in the history takes the text's place.
 */
export const DocumentWorkspace = ({ document, user, onChanged }: DocumentWorkspaceProps) => {
  const { t } = useTranslation()
  const titleId = useId()
  const [editor, setEditor] = useState<Editor | null>(null)
  const { sessionEnded } = useAuth()
  const presenceUser = { id: user.id, name: user.name, color: user.color, role: user.role }
  const collab = useCollabDocument(document.id, presenceUser)
  const { session, connection, presence, stop, save } = collab
  const comments = useComments(document.id, editor)
  const announce = useAnnouncer()
  const reviewRound = useReviewRound(document.id)
  const [openingRound, setOpeningRound] = useState(false)
  const mayRunRounds = atLeast(user.role, Role.coordinator)
  // History beside the text: `?panel=history` (old /history links too) opens it.
  const [searchParams] = useSearchParams()
  const [historyOpen, setHistoryOpen] = useState(searchParams.get('panel') === 'history')
  const historyId = useId()
  const history = useVersionHistory(document.id)
  const [decisionNews, setDecisionNews] = useState<SuggestionDecisionNews>({
    heard: new Map(),
    connection: 0,
  })
  useDocumentEvents(
    document.id,
    (event) => {
      comments.onEvent(event)
      if (event.type === 'suggestionDecided') {
        // Functional, so that decisions heard in one batch are all kept.
        setDecisionNews((old) => ({
          connection: old.connection,
          heard: new Map(old.heard).set(event.suggestionId, event.disposition),
        }))
      }
      // Someone kept a version (or the server did): the open history lists it at once.
      if (event.type === 'version' && historyOpen) void history.reload()
      if (event.type === 'document') {
        onChanged(event.document)
        // A round opened or closed moves the status: read the round again.
        reviewRound.reload()
      }
      if (event.type === 'thread' && event.thread.messages.at(-1)?.author.id !== user.id) {
        announce(
          t('comments.announceNew', { name: event.thread.messages.at(-1)?.author.name ?? '' }),
        )
      }
    },
    () => {
      comments.onReconnect()
      setDecisionNews((old) => ({ connection: old.connection + 1, heard: new Map() }))
    },
  )
  usePresenceAnnouncements(presence, user.id, connection)
  const [commentsOpen, setCommentsOpen] = useState(true)
  const commentsId = useId()
  const startComment = () => {
    if (!comments.startComment()) return announce(t('comments.selectFirst'))
    setCommentsOpen(true)
  }
  // Writing a comment starts from the text; posting or cancelling it goes back there.
  const backToText = () => editor?.commands.focus()
  const leaveComments = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return
    event.preventDefault()
    backToText()
  }

  // `&version=…` (a notification's link) shows that version once the list is loaded.
  const wantedVersion = searchParams.get('version')
  const { versions, view: viewVersion } = history
  useEffect(() => {
    const version = wantedVersion && versions?.find((v) => v.id === wantedVersion)
    if (version) void viewVersion(version)
  }, [wantedVersion, versions, viewVersion])
  const viewingHistory = historyOpen && history.shown !== null
  const closeHistoryView = () => {
    // The text is shown again first: focus cannot go to a hidden editor.
    flushSync(history.close)
    backToText()
  }

  // A link from a notification (?thread=…) opens that thread once the threads are loaded.
  const wantedThread = searchParams.get('thread')
  const { setActiveId } = comments
  const threadsLoaded = comments.threads !== null
  useEffect(() => {
    if (!wantedThread || !threadsLoaded) return
    setCommentsOpen(true)
    setActiveId(wantedThread)
  }, [wantedThread, threadsLoaded, setActiveId])

  useEffect(() => {
    // The server ended the session: show the sign-in page (the URL stays, to come back here).
    if (stop?.reason === 'unauthorized') sessionEnded()
  }, [stop, sessionEnded])

  const mayEdit = canEditText(user.role, document.status)
  const forcedSuggest = mustSuggest(user.role, document.status)
  const suggestions = useSuggestions(editor)
  useWantedSuggestion(editor, suggestions.suggestions, searchParams.get('suggestion'))
  useEffect(() => {
    // Entering review while the document is open: a member's next keystroke is a suggestion.
    if (forcedSuggest && editor && !editor.isDestroyed) editor.commands.setSuggestMode(true)
  }, [forcedSuggest, editor])
  const suggestPolicy = {
    author: { authorId: user.id, authorName: user.name },
    forced: forcedSuggest,
    onRefused: () => announce(t('suggestions.refused')),
  }
  const suggestMode = useSuggestModeExtension(suggestPolicy)
  // Words clicked or reached with the caret: their thread becomes the active one, and a
  // screen reader hears the comment without leaving the text.
  const activeThread = useRef(comments.activeId)
  activeThread.current = comments.activeId
  const activateFromText = (threadId: string) => {
    if (threadId === activeThread.current) return
    activeThread.current = threadId
    comments.setActiveId(threadId)
    const thread = comments.threads?.find((candidate) => candidate.id === threadId)
    const first = thread?.messages[0]
    if (thread && first) {
      announce(
        t('comments.margin.announceActive', {
          quote: thread.quote.slice(0, 80),
          name: first.author.name,
          text: first.body.slice(0, 200),
        }),
      )
    }
  }
  const commentsView = useCommentsView(user.id)
  const inMargin = commentsOpen && commentsView.shown === 'margin'
  const commentHighlights = useCommentHighlights({
    onActivate: activateFromText,
    onComment: startComment,
  })
  const authorship = useAuthorship(document.id, user, session?.ydoc, editor, (name) =>
    announce(name ? t('authorship.wroteBy', { name }) : t('authorship.wroteByNobody')),
  )
  const authorshipExtension = authorship.extension
  const features = useCallback(
    () => [suggestMode(), commentHighlights(), authorshipExtension()],
    [suggestMode, commentHighlights, authorshipExtension],
  )
  const lostAccess = stop !== null && stop.reason !== 'rejected'
  // The panels load after the text (see above); opened ones say they are loading.
  const textArrived = useTextArrived(collab, editor !== null)
  useEffect(() => {
    if (!textArrived) return
    documentTextShown()
    preloadEditingCode()
  }, [textArrived])
  const loading = <Progress label={t('app.loading')} />
  const quietLoading = <Progress label={t('app.loading')} announce={false} />

  return (
    <article className="document" aria-labelledby={titleId}>
      <header className="document-header">
        <h1 id={titleId}>{document.title}</h1>
        <StatusControl
          document={document}
          role={user.role}
          onChanged={onChanged}
          suggestions={suggestions.suggestions}
          threads={comments.threads ?? []}
          onShowSuggestion={(s) =>
            editor
              ?.chain()
              .focus()
              .setTextSelection({ from: s.from, to: s.to })
              .scrollIntoView()
              .run()
          }
          onShowThread={(threadId) => {
            setCommentsOpen(true)
            setActiveId(threadId)
          }}
        />
        <button
          type="button"
          className="quiet panel-toggle"
          aria-expanded={historyOpen}
          aria-controls={historyId}
          onClick={() => {
            if (historyOpen) history.close()
            setHistoryOpen(!historyOpen)
          }}
        >
          {t('history.link')}
        </button>
        <Link to={`/documents/${encodeURIComponent(document.id)}/languages`}>
          {t('translations.link')}
        </Link>
        <Link to={`/documents/${encodeURIComponent(document.id)}/consultations`}>
          {t('consultations.link')}
        </Link>
        {document.sourceDocumentId !== null && (
          <Link to={`/documents/${encodeURIComponent(document.id)}/side-by-side`}>
            {t('translations.sideBySide')}
          </Link>
        )}
        {/* Without the live text too: an export is HTTP, and the socket may be refused (a proxy). */}
        <PartBoundary part="export">
          <ExportMenu
            documentId={document.id}
            hasSuggestions={suggestions.suggestions.length > 0}
            translation={document.sourceDocumentId !== null}
            final={document.status === 'final'}
            preload={textArrived}
          />
        </PartBoundary>
        <WatchToggle documentId={document.id} />
        {mayRunRounds && !reviewRound.round && document.status !== 'final' && !openingRound && (
          <button type="button" className="quiet" onClick={() => setOpeningRound(true)}>
            {t('rounds.open')}
          </button>
        )}
        <button
          type="button"
          className="quiet panel-toggle"
          aria-expanded={commentsOpen}
          aria-controls={commentsId}
          onClick={() => setCommentsOpen((open) => !open)}
        >
          {t('comments.show')}
        </button>
        {!stop && <ConnectionIndicator state={connection} />}
        {!stop && mayEdit && <SaveIndicator state={save} />}
      </header>
      {openingRound && (
        <Suspense fallback={loading}>
          <OpenRoundForm
            documentId={document.id}
            onOpened={() => {
              setOpeningRound(false)
              reviewRound.reload()
            }}
            onCancel={() => setOpeningRound(false)}
          />
        </Suspense>
      )}
      {reviewRound.round && (
        <Suspense fallback={quietLoading}>
          <ReviewRoundBanner
            round={reviewRound.round}
            userId={user.id}
            threads={comments.threads}
            mayClose={mayRunRounds}
            onClose={() => {
              const { round } = reviewRound
              if (round)
                void inboxApi
                  .closeRound(document.id, round.id)
                  .then(reviewRound.reload, () => undefined)
            }}
          />
        </Suspense>
      )}
      {stop && <StopNotice stop={stop} />}
      {!lostAccess && (
        <>
          {!mayEdit && <ReadOnlyNotice document={document} />}
          <div className="document-body">
            <div className="document-outline">
              {editor && textArrived && (
                <PartBoundary part="outline">
                  <Suspense fallback={loading}>
                    <OutlinePanel editor={editor} openComments={comments.openByClause} />
                  </Suspense>
                </PartBoundary>
              )}
              {session && textArrived && (
                <PartBoundary part="settings">
                  <Suspense fallback={null}>
                    <DocumentSettingsForm
                      ydoc={session.ydoc}
                      // In review the settings are the coordinators' (the server refuses a member's change).
                      editable={canChangeSettings(user.role, document.status) && !stop}
                      languageFixed={document.sourceDocumentId !== null}
                    />
                  </Suspense>
                </PartBoundary>
              )}
            </div>
            <div
              className={suggestions.modeOn ? 'document-text suggesting-frame' : 'document-text'}
            >
              {viewingHistory && history.shown && (
                <Suspense fallback={loading}>
                  <HistoryView
                    documentId={document.id}
                    shown={history.shown}
                    history={history}
                    onClose={closeHistoryView}
                  />
                </Suspense>
              )}
              {/* Hidden, not unmounted, while a version is shown: the live text stays connected. */}
              <div
                className={inMargin ? 'live-text with-margin' : 'live-text'}
                hidden={viewingHistory}
              >
                {connection === 'connecting' && (
                  // The connection state in the header says it to screen readers; this is for the eye.
                  <Progress label={t('app.opening')} announce={false} />
                )}
                {editor && mayEdit && !stop && (
                  <SuggestModeToggle
                    editor={editor}
                    on={suggestions.modeOn}
                    forced={forcedSuggest}
                  />
                )}
                {editor && (
                  <PartBoundary part="authorship">
                    <AuthorshipBar documentId={document.id} authorship={authorship} />
                  </PartBoundary>
                )}
                {session && (
                  <PartBoundary part="text">
                    <CollaborativeEditor
                      ydoc={session.ydoc}
                      provider={session.provider}
                      user={presenceUser}
                      editable={mayEdit && !stop}
                      onEditor={setEditor}
                      features={features}
                    />
                  </PartBoundary>
                )}
                {inMargin && comments.threads && textArrived && (
                  <PartBoundary part="comments">
                    <Suspense fallback={quietLoading}>
                      <CommentMargin
                        editor={editor}
                        user={user}
                        threads={comments.threads}
                        anchoredIds={comments.anchoredIds}
                        activeId={comments.activeId}
                        onActivate={comments.setActiveId}
                        actions={comments}
                        onLeave={backToText}
                      />
                    </Suspense>
                  </PartBoundary>
                )}
              </div>
            </div>
            <aside className="document-side" aria-label={t('document.sideLabel')}>
              <PartBoundary part="presence">
                <PresenceList users={presence} selfId={user.id} />
              </PartBoundary>
              <div id={historyId} hidden={!historyOpen}>
                {historyOpen && (
                  <PartBoundary part="history">
                    <Suspense fallback={loading}>
                      <HistoryPanel
                        document={document}
                        user={user}
                        history={history}
                        onWhoChangedSince={(versionId) => {
                          // The live text, coloured: a version or comparison shown gives way.
                          flushSync(history.close)
                          authorship.showSince(versionId)
                        }}
                      />
                    </Suspense>
                  </PartBoundary>
                )}
              </div>
              {editor && textArrived && (
                <PartBoundary part="suggestions" resetKeys={[suggestions.suggestions]}>
                  <Suspense fallback={quietLoading}>
                    <SuggestionsPanel
                      documentId={document.id}
                      editor={editor}
                      suggestions={suggestions.suggestions}
                      canDecide={canResolveSuggestions(user.role, document.status) && !stop}
                      mayRecordDecision={canDecideComments(user.role)}
                      decisionNews={decisionNews}
                      onComment={startComment}
                    />
                  </Suspense>
                </PartBoundary>
              )}
              {/* biome-ignore lint/a11y/noStaticElementInteractions: Escape anywhere in the panel returns to the text; the controls inside are the interactive ones. */}
              <div id={commentsId} hidden={!commentsOpen} onKeyDown={leaveComments}>
                <button
                  type="button"
                  className="quiet comment-button"
                  onClick={startComment}
                  title={t('comments.addHint')}
                >
                  {t('comments.add')}
                </button>
                <PartBoundary part="comments">
                  {textArrived ? (
                    <Suspense fallback={quietLoading}>
                      <CommentsPanel
                        user={user}
                        documentId={document.id}
                        editor={editor}
                        threads={comments.threads}
                        anchoredIds={comments.anchoredIds}
                        activeId={comments.activeId}
                        onActivate={comments.setActiveId}
                        draft={comments.draft}
                        onCreate={async (body, mentions, typing) => {
                          await comments.create(body, mentions, typing)
                          backToText()
                        }}
                        onCancelDraft={() => {
                          comments.cancelDraft()
                          backToText()
                        }}
                        actions={comments}
                        view={commentsView.shown}
                        onView={commentsView.wide ? commentsView.choose : null}
                        openRoundId={reviewRound.round?.id ?? null}
                      />
                    </Suspense>
                  ) : (
                    quietLoading
                  )}
                </PartBoundary>
              </div>
            </aside>
          </div>
        </>
      )}
    </article>
  )
}
