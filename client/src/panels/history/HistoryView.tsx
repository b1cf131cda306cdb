import type { VersionInfo } from '@accord/protocol'
import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ExportMenu } from '../../pages/document/ExportMenu'
import { type DiffLayout, DiffView } from './DiffView'
import { CURRENT, type HistoryShown, type VersionHistory } from './useVersionHistory'
import { VersionViewer } from './VersionViewer'
import './history.css'
import './historyPanel.css'
import { useVersionLabel } from './useVersionLabel'

interface HistoryViewProps {
  documentId: string
  shown: HistoryShown
  history: VersionHistory
  /** Back to the live text. */
  onClose: () => void
}

/**
 * In the text's place while a version or a comparison is open: the version read-only (with
 * its export), or the redline between any two versions or the current text.
 */
export const HistoryView = ({ documentId, shown, history, onClose }: HistoryViewProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  const heading = useRef<HTMLHeadingElement>(null)
  const versions = history.versions ?? []
  const label = useVersionLabel(versions)
  const name = (id: string) => {
    if (id === CURRENT) return t('history.current')
    const version = versions.find((v) => v.id === id)
    return version ? label(version) : id
  }
  const [onlyChanges, setOnlyChanges] = useState(true)
  const [layout, setLayout] = useState<DiffLayout>('redline')
  const diffArea = useRef<HTMLDivElement>(null)
  const [position, setPosition] = useState<string | null>(null)
  const layoutName = useId()

  /** Focuses the next (1) or previous (-1) change after the focused one, and says which. */
  const moveToChange = (step: 1 | -1) => {
    const changes = [...(diffArea.current?.querySelectorAll<HTMLElement>('[data-change]') ?? [])]
    if (changes.length === 0) return setPosition(t('diffView.noChange'))
    const active = window.document.activeElement
    const current = changes.findIndex((change) => change === active || change.contains(active))
    // From outside any change: the first one forwards, the last one backwards.
    const start = current === -1 ? (step === 1 ? -1 : changes.length) : current
    const next = Math.min(changes.length - 1, Math.max(0, start + step))
    changes[next]?.focus({ preventScroll: true })
    changes[next]?.scrollIntoView({ block: 'center' })
    setPosition(t('diffView.position', { index: next + 1, count: changes.length }))
  }
  const changeKeys = (event: KeyboardEvent) => {
    if (!event.altKey || event.ctrlKey || event.metaKey) return
    // Alt+Down opens a select's list: leave it that.
    if (event.target instanceof HTMLSelectElement) return
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      moveToChange(event.key === 'ArrowDown' ? 1 : -1)
    }
  }
  const [from, setFrom] = useState(shown.kind === 'diff' ? shown.from : '')
  const [to, setTo] = useState(shown.kind === 'diff' ? shown.to : CURRENT)
  const shownKey = shown.kind === 'diff' ? `${shown.from}:${shown.to}` : shown.version.id

  useEffect(() => {
    // A new version or comparison: focus its heading, so a screen reader starts there.
    if (shownKey) heading.current?.focus()
    if (shown.kind === 'diff') {
      setFrom(shown.from)
      setTo(shown.to)
    }
  }, [shownKey, shown])

  const option = (version: VersionInfo) => (
    <option key={version.id} value={version.id}>
      {label(version)}
    </option>
  )

  return (
    <section className="history-view" aria-labelledby={headingId} onKeyDown={changeKeys}>
      <div className="history-view-top">
        <h2 id={headingId} ref={heading} tabIndex={-1}>
          {shown.kind === 'version'
            ? label(shown.version)
            : `${name(shown.from)} → ${name(shown.to)}`}{' '}
          {shown.kind === 'version' && <span className="badge">{t('history.readOnly')}</span>}
        </h2>
        <button type="button" onClick={onClose}>
          {t('historyPanel.backToText')}
        </button>
      </div>
      {shown.kind === 'version' ? (
        <>
          <ExportMenu documentId={documentId} versionId={shown.version.id} preload />
          <VersionViewer content={shown.content} settings={shown.settings} />
        </>
      ) : (
        <>
          <form
            className="compare-form"
            onSubmit={(event) => {
              event.preventDefault()
              if (from) void history.compare(from, to)
            }}
          >
            <label>
              {t('history.from')}
              <select value={from} onChange={(e) => setFrom(e.target.value)}>
                {versions.map(option)}
              </select>
            </label>
            <label>
              {t('history.to')}
              <select value={to} onChange={(e) => setTo(e.target.value)}>
                <option value={CURRENT}>{t('history.current')}</option>
                {versions.map(option)}
              </select>
            </label>
            <button type="submit" disabled={history.busy || !from}>
              {t('history.compare')}
            </button>
          </form>
          <div className="diff-controls">
            <label className="checkbox">
              <input
                type="checkbox"
                checked={onlyChanges}
                onChange={(e) => setOnlyChanges(e.target.checked)}
              />{' '}
              {t('history.onlyChanges')}
            </label>
            <fieldset className="diff-layout">
              <legend>{t('diffView.layout')}</legend>
              {(['redline', 'sideBySide'] as const).map((value) => (
                <label key={value} className="checkbox">
                  <input
                    type="radio"
                    name={layoutName}
                    value={value}
                    checked={layout === value}
                    onChange={() => setLayout(value)}
                  />{' '}
                  {t(`diffView.${value}`)}
                </label>
              ))}
            </fieldset>
            <div className="diff-steps">
              <button
                type="button"
                className="quiet"
                aria-keyshortcuts="Alt+ArrowUp"
                onClick={() => moveToChange(-1)}
              >
                {t('diffView.previous')}
              </button>
              <button
                type="button"
                className="quiet"
                aria-keyshortcuts="Alt+ArrowDown"
                onClick={() => moveToChange(1)}
              >
                {t('diffView.next')}
              </button>
              <span role="status" className="diff-position">
                {position}
              </span>
            </div>
          </div>
          <div ref={diffArea}>
            <DiffView diff={shown.diff} onlyChanges={onlyChanges} layout={layout} />
          </div>
        </>
      )}
    </section>
  )
}
