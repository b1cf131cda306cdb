import type { DocumentDiff } from '@accord/diff'
import type { AuditEntry, EditsPerDay, VersionInfo } from '@accord/protocol'
import type { DocumentSettings } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { useCallback, useState } from 'react'
import { historyApi } from '../../app/api'
import { useAction } from '../../app/useAction'

/** The id the diff API takes for the live text. */
export const CURRENT = 'current'

/** What the text column shows instead of the live text while history is open. */
export type HistoryShown =
  | { kind: 'version'; version: VersionInfo; content: JSONContent; settings: DocumentSettings }
  | { kind: 'diff'; diff: DocumentDiff; from: string; to: string }

/**
 * A document's versions and activity for the history panel, and the version or comparison
 * the person chose to see beside it. Loaded when the panel opens, again after each change.
 */
export const useVersionHistory = (documentId: string) => {
  const [versions, setVersions] = useState<VersionInfo[] | null>(null)
  const [activity, setActivity] = useState<{
    entries: AuditEntry[]
    editsPerDay: EditsPerDay[]
  } | null>(null)
  const [shown, setShown] = useState<HistoryShown | null>(null)
  const action = useAction()
  const { run } = action

  const load = useCallback(async () => {
    const [list, log] = await Promise.all([
      historyApi.versions(documentId),
      historyApi.activity(documentId),
    ])
    setVersions(list.versions)
    setActivity(log)
  }, [documentId])

  const reload = useCallback(() => run(load), [run, load])

  const view = useCallback(
    (version: VersionInfo) =>
      run(async () => {
        const { content, settings } = await historyApi.version(documentId, version.id)
        setShown({ kind: 'version', version, content, settings })
      }),
    [run, documentId],
  )

  const compare = useCallback(
    (from: string, to: string) =>
      run(async () => {
        setShown({ kind: 'diff', diff: await historyApi.diff(documentId, from, to), from, to })
      }),
    [run, documentId],
  )

  const save = useCallback(
    async (name: string, note: string, inTranslations: boolean) => {
      await historyApi.createVersion(documentId, {
        name,
        note: note || null,
        translations: inTranslations,
      })
      await load()
    },
    [documentId, load],
  )

  const restore = useCallback(
    (version: VersionInfo) =>
      run(async () => {
        await historyApi.restore(documentId, version.id)
        setShown(null)
        await load()
      }),
    [run, documentId, load],
  )

  const close = useCallback(() => setShown(null), [])

  return { versions, activity, shown, reload, view, compare, save, restore, close, ...action }
}

export type VersionHistory = ReturnType<typeof useVersionHistory>
