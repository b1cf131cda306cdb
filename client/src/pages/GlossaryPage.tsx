import { atLeast, type GlossaryEntry, Role } from '@accord/protocol'
import { useEffect, useId, useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { api } from '../app/api'
import { useUser } from '../app/useAuth'
import { useErrorMessage } from '../app/useErrorMessage'
import { usePageTitle } from '../app/usePageTitle'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { Progress } from '../ui/Progress'
import { useAnnouncer } from '../ui/useAnnouncer'
import { entryName } from './glossary/entryName'
import { GlossaryEntryForm } from './glossary/GlossaryEntryForm'
import { GlossaryFiles } from './glossary/GlossaryFiles'
import { GlossaryTable } from './glossary/GlossaryTable'
import { matchesGlossaryQuery } from './glossary/matchesGlossaryQuery'

/**
 * The installation's termbase: everyone reads it (translators see its entries beside each
 * clause); coordinators and the secretariat add, edit, delete, import and export entries.
 */
export const GlossaryPage = () => {
  const { t } = useTranslation()
  const user = useUser()
  const announce = useAnnouncer()
  const errorMessage = useErrorMessage()
  const searchId = useId()
  const mayManage = atLeast(user.role, Role.coordinator)
  const [entries, setEntries] = useState<GlossaryEntry[] | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [query, setQuery] = useState('')
  const [editing, setEditing] = useState<GlossaryEntry | null>(null)
  const [deleting, setDeleting] = useState<GlossaryEntry | null>(null)
  usePageTitle(t('glossary.title'))

  useEffect(() => {
    let current = true
    api
      .glossary()
      .then(({ entries }) => current && setEntries(entries))
      .catch((failure: unknown) => current && setError(errorMessage(failure)))
    return () => {
      current = false
    }
  }, [errorMessage])

  const shown = useMemo(
    () => (entries ?? []).filter((entry) => matchesGlossaryQuery(entry, query)),
    [entries, query],
  )

  const saved = (entry: GlossaryEntry) => {
    setEntries((list) =>
      (list ?? []).some((other) => other.id === entry.id)
        ? (list ?? []).map((other) => (other.id === entry.id ? entry : other))
        : [...(list ?? []), entry],
    )
    setEditing(null)
  }

  const remove = async (entry: GlossaryEntry) => {
    setDeleting(null)
    try {
      await api.deleteGlossaryEntry(entry.id)
      setEntries((list) => (list ?? []).filter((other) => other.id !== entry.id))
      announce(t('glossary.deleted'))
    } catch (failure) {
      setError(errorMessage(failure))
    }
  }

  return (
    <div className="page glossary-page">
      <h1>{t('glossary.title')}</h1>
      <p>{t('glossary.intro')}</p>
      {mayManage && (
        <GlossaryEntryForm
          key={editing?.id ?? 'new'}
          entry={editing}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <GlossaryFiles
        mayImport={mayManage}
        onImported={(added) => setEntries((list) => [...(list ?? []), ...added])}
      />
      {error && <p role="alert">{error}</p>}
      {entries === null ? (
        !error && <Progress label={t('app.loading')} />
      ) : (
        <section aria-labelledby={`${searchId}-heading`}>
          <h2 id={`${searchId}-heading`}>{t('glossary.entries', { count: entries.length })}</h2>
          <div className="field">
            <label htmlFor={searchId}>{t('glossary.search')}</label>
            <input
              id={searchId}
              type="search"
              value={query}
              onChange={(event) => setQuery(event.target.value)}
            />
          </div>
          {query && <p role="status">{t('glossary.found', { count: shown.length })}</p>}
          <GlossaryTable
            entries={shown}
            labelledBy={`${searchId}-heading`}
            mayManage={mayManage}
            onEdit={setEditing}
            onDelete={setDeleting}
          />
        </section>
      )}
      <ConfirmDialog
        open={deleting !== null}
        title={t('glossary.deleteTitle')}
        message={t('glossary.deleteMessage', { term: deleting ? entryName(deleting) : '' })}
        confirmLabel={t('glossary.delete')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => deleting && void remove(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </div>
  )
}
