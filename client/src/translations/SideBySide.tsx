import {
  type AlignedClause,
  canChangeSettings,
  canEditText,
  type DocumentInfo,
  documentLanguageInfo,
  mustSuggest,
  type User,
} from '@accord/protocol'
import { clauseAround, findClauseById } from '@accord/schema'
import type { Editor } from '@tiptap/react'
import { type KeyboardEvent, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type * as Y from 'yjs'
import { api } from '../app/api'
import { useAction } from '../app/useAction'
import { ConnectionIndicator } from '../collab/ConnectionIndicator'
import { useCollabDocument } from '../collab/useCollabDocument'
import { useTextArrived } from '../collab/useTextArrived'
import { useCommentHighlights } from '../comments/useCommentHighlights'
import { CollaborativeEditor } from '../editor/CollaborativeEditor'
import { preloadEditingCode } from '../editor/preloadEditingCode'
import { useDocumentSettings } from '../editor/useDocumentSettings'
import { documentTextShown } from '../offline/registerServiceWorker'
import { useSuggestModeExtension } from '../suggestions/useSuggestModeExtension'
import { FormMessage } from '../ui/FormMessage'
import { PartBoundary } from '../ui/PartBoundary'
import { useAnnouncer } from '../ui/useAnnouncer'
import { useStableHandler } from '../ui/useStableHandler'
import { ClauseWorklist } from './ClauseWorklist'
import { PendingChanges } from './PendingChanges'
import { alignScroll, scrollToClause } from './scrollTogether'
import { useLiveAlignment } from './useLiveAlignment'

interface SideBySideProps {
  source: DocumentInfo
  translation: DocumentInfo
  user: User
}

/** The clauses a translator still has to do, in order: outdated and untranslated ones. */
const toDo = (clauses: readonly AlignedClause[], onlyOutdated: boolean) =>
  clauses.filter((c) => c.state === 'outdated' || (!onlyOutdated && c.state === 'untranslated'))

/** Labels need the source's settings; this reads them once its Y.Doc is there. */
const SourceSettings = ({
  ydoc,
  children,
}: {
  ydoc: Y.Doc
  children: (settings: ReturnType<typeof useDocumentSettings>) => React.ReactNode
}) => <>{children(useDocumentSettings(ydoc))}</>

/**
 * A source and its translation in two columns that scroll together clause by clause, each a
 * live collaborative editor (carets, comments' highlights and suggestions as usual, editable
 * as the person's role allows), with the clauses to translate beside them: each clause's
 * state, what changed in the source since it was translated, and the structural changes
 * waiting to be applied. Keys: Alt+Shift+↓/↑ next/previous clause to do, Alt+Shift+Enter
 * marks the clause at the caret translated, Alt+Shift+= applies every pending change.
 */
export const SideBySide = ({ source, translation, user }: SideBySideProps) => {
  const { t } = useTranslation()
  const announce = useAnnouncer()
  const titleId = useId()
  // One object while the person is the same: the editors are memoized, and the alignment
  // redraws this page on every recomputation while people type.
  const presenceUser = useMemo(
    () => ({ id: user.id, name: user.name, color: user.color, role: user.role }),
    [user.id, user.name, user.color, user.role],
  )
  const left = useCollabDocument(source.id, presenceUser)
  const right = useCollabDocument(translation.id, presenceUser)
  const [targetEditor, setTargetEditor] = useState<Editor | null>(null)
  const [sourceEditor, setSourceEditor] = useState<Editor | null>(null)
  const sourceArrived = useTextArrived(left, sourceEditor !== null)
  const targetArrived = useTextArrived(right, targetEditor !== null)
  useEffect(() => {
    if (!sourceArrived || !targetArrived) return
    documentTextShown()
    preloadEditingCode()
  }, [sourceArrived, targetArrived])
  const sourceInfo = documentLanguageInfo(source.language)
  const targetInfo = documentLanguageInfo(translation.language)
  const { alignment } = useLiveAlignment(
    translation.id,
    left.session?.ydoc ?? null,
    right.session?.ydoc ?? null,
    { source: source.language, target: translation.language, locale: sourceInfo.locale },
    { source: sourceEditor, target: targetEditor },
  )
  const [onlyOutdated, setOnlyOutdated] = useState(false)
  const action = useAction()
  const sourceColumn = useRef<HTMLDivElement>(null)
  const targetColumn = useRef<HTMLDivElement>(null)
  // The column being scrolled by code, so its own scroll event does not scroll back.
  const following = useRef<HTMLElement | null>(null)

  // Say it when a clause turns outdated while the translator is here.
  const states = useRef(new Map<string, AlignedClause['state']>())
  useEffect(() => {
    if (!alignment) return
    const before = states.current
    for (const clause of alignment.clauses) {
      if (clause.state === 'outdated' && before.get(clause.clauseId) === 'upToDate') {
        announce(t('translations.becameOutdated', { number: clause.number }))
      }
    }
    states.current = new Map(alignment.clauses.map((c) => [c.clauseId, c.state]))
  }, [alignment, announce, t])

  const mayEditSource = canEditText(user.role, source.status)
  const mayEditTarget = canEditText(user.role, translation.status)
  const policyFor = (doc: DocumentInfo) => ({
    author: { authorId: user.id, authorName: user.name },
    forced: mustSuggest(user.role, doc.status),
    onRefused: () => announce(t('suggestions.refused')),
  })
  // Each editor gets its own extensions: suggest mode by its document's status, and comments' highlights.
  const sourceSuggestMode = useSuggestModeExtension(policyFor(source))
  const targetSuggestMode = useSuggestModeExtension(policyFor(translation))
  const commentHighlights = useCommentHighlights({})
  const sourceFeatures = useCallback(
    () => [sourceSuggestMode(), commentHighlights()],
    [sourceSuggestMode, commentHighlights],
  )
  const targetFeatures = useCallback(
    () => [targetSuggestMode(), commentHighlights()],
    [targetSuggestMode, commentHighlights],
  )

  const onScroll = (scrolled: HTMLElement | null, other: HTMLElement | null) => {
    if (!scrolled || !other) return
    if (following.current === scrolled) {
      following.current = null
      return
    }
    following.current = other
    alignScroll(scrolled, other)
  }

  const goTo = useStableHandler((clauseId: string) => {
    if (!targetEditor || targetEditor.isDestroyed) return
    const found = findClauseById(targetEditor.state.doc, clauseId)
    if (!found) return
    // The caret goes to the end of the clause's first paragraph (or of its heading).
    let caret = found.pos + 1 + (found.node.firstChild?.nodeSize ?? 0) - 1
    found.node.forEach((child, offset) => {
      if (child.type.name === 'paragraph' && caret < found.pos + 1 + offset)
        caret = found.pos + 1 + offset + child.nodeSize - 1
    })
    targetEditor.chain().focus().setTextSelection(caret).run()
    if (targetColumn.current) scrollToClause(targetColumn.current, clauseId)
    if (sourceColumn.current) scrollToClause(sourceColumn.current, clauseId)
  })

  const caretClause = (): string | null => {
    if (!targetEditor || targetEditor.isDestroyed) return null
    const located = clauseAround(targetEditor.state.selection.$from)
    return typeof located?.node.attrs.id === 'string' ? located.node.attrs.id : null
  }

  const mark = (clauseId: string) =>
    action.run(async () => {
      await api.markTranslated(translation.id, clauseId)
      const clause = alignment?.clauses.find((c) => c.clauseId === clauseId)
      announce(t('translations.marked', { number: clause?.number ?? '' }))
    })
  // The worklist's rows are memoized: their handlers keep one identity.
  const markFromList = useStableHandler((clauseId: string) => void mark(clauseId))

  const apply = (ids?: string[]) =>
    action.run(async () => {
      const { applied } = await api.applyStructure(translation.id, ids ? { ids } : { all: true })
      announce(t('translations.applied', { count: applied.length }))
    })

  const step = (direction: 1 | -1) => {
    if (!alignment) return
    const list = toDo(alignment.clauses, onlyOutdated)
    if (list.length === 0) return announce(t('translations.nothingToDo'))
    const here = caretClause()
    const order = alignment.clauses.map((c) => c.clauseId)
    const at = here ? order.indexOf(here) : -1
    const next =
      direction === 1
        ? (list.find((c) => order.indexOf(c.clauseId) > at) ?? list[0])
        : (list.findLast((c) => order.indexOf(c.clauseId) < at) ?? list.at(-1))
    if (!next) return
    goTo(next.clauseId)
    announce(`${t(`translations.state.${next.state}`)} — ${next.number}`)
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (!event.altKey || !event.shiftKey || event.ctrlKey || event.metaKey) return
    if (event.code === 'ArrowDown' || event.code === 'ArrowUp') {
      event.preventDefault()
      step(event.code === 'ArrowDown' ? 1 : -1)
    } else if (event.code === 'Enter') {
      event.preventDefault()
      const clauseId = caretClause()
      if (clauseId) void mark(clauseId)
      else announce(t('translations.noClauseAtCaret'))
    } else if (event.code === 'Equal' && alignment && alignment.pending.length > 0) {
      event.preventDefault()
      void apply()
    }
  }

  const sourceSession = left.session
  return (
    <article className="side-by-side" aria-labelledby={titleId} onKeyDown={onKeyDown}>
      <header className="document-header">
        <h1 id={titleId}>{translation.title}</h1>
        <Link to={`/documents/${encodeURIComponent(translation.id)}`}>
          {t('translations.openTranslation')}
        </Link>
        <Link to={`/documents/${encodeURIComponent(source.id)}/languages`}>
          {t('translations.link')}
        </Link>
        <ConnectionIndicator state={right.connection} />
      </header>
      <p className="translation-counts" role="status">
        {alignment ? t('translations.counts', { ...alignment.counts }) : t('app.opening')}
      </p>
      <p className="hint">{t('translations.shortcuts')}</p>
      <FormMessage error={action.error} />
      {sourceSession && (
        <SourceSettings ydoc={sourceSession.ydoc}>
          {(settings) => (
            <>
              {alignment && (
                <PendingChanges
                  changes={alignment.pending}
                  language={source.language}
                  labelStyle={settings.clauseLabel}
                  canApply={canChangeSettings(user.role, translation.status)}
                  busy={action.busy}
                  onApply={(ids) => void apply(ids)}
                />
              )}
              <div className="side-by-side-body">
                {/* The texts do not wait for the alignment: the counts line says it is coming. */}
                {alignment ? (
                  <ClauseWorklist
                    clauses={alignment.clauses}
                    glossary={alignment.glossary}
                    targetLanguage={translation.language}
                    onlyOutdated={onlyOutdated}
                    onOnlyOutdated={setOnlyOutdated}
                    language={source.language}
                    labelStyle={settings.clauseLabel}
                    canMark={mayEditTarget}
                    onGoTo={goTo}
                    onMark={markFromList}
                  />
                ) : (
                  <div />
                )}
                <div className="side-by-side-columns">
                  <section
                    className="side-by-side-column"
                    aria-label={t('translations.sourceColumn', { language: sourceInfo.nativeName })}
                    lang={source.language}
                  >
                    <div
                      ref={sourceColumn}
                      className="side-by-side-scroll"
                      onScroll={() => onScroll(sourceColumn.current, targetColumn.current)}
                    >
                      <PartBoundary part="text">
                        <CollaborativeEditor
                          id="editor-source"
                          label={t('translations.sourceColumn', {
                            language: sourceInfo.nativeName,
                          })}
                          ydoc={sourceSession.ydoc}
                          provider={sourceSession.provider}
                          user={presenceUser}
                          editable={mayEditSource && !left.stop}
                          onEditor={setSourceEditor}
                          features={sourceFeatures}
                        />
                      </PartBoundary>
                    </div>
                  </section>
                  <section
                    className="side-by-side-column"
                    aria-label={t('translations.translationColumn', {
                      language: targetInfo.nativeName,
                    })}
                    lang={translation.language}
                  >
                    <div
                      ref={targetColumn}
                      className="side-by-side-scroll"
                      onScroll={() => onScroll(targetColumn.current, sourceColumn.current)}
                    >
                      {right.session && (
                        <PartBoundary part="text">
                          <CollaborativeEditor
                            label={t('translations.translationColumn', {
                              language: targetInfo.nativeName,
                            })}
                            ydoc={right.session.ydoc}
                            provider={right.session.provider}
                            user={presenceUser}
                            editable={mayEditTarget && !right.stop}
                            onEditor={setTargetEditor}
                            features={targetFeatures}
                          />
                        </PartBoundary>
                      )}
                    </div>
                  </section>
                </div>
              </div>
            </>
          )}
        </SourceSettings>
      )}
    </article>
  )
}
