import {
  alignClauses,
  type PreparedGlossary,
  prepareGlossary,
  structuralChanges,
  type TranslationMark,
} from '@accord/diff'
import type {
  AlignedClause,
  DocumentLanguage,
  GlossaryEntry,
  StructuralChange,
  TranslationCounts,
} from '@accord/protocol'
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { api } from '../app/api'
import { useDocumentEvents } from '../collab/useDocumentEvents'
import { adoptedJSON } from './adoptedJSON'

/** Recomputed at most this often while people type (ms): well within the second the view promises. */
const RECOMPUTE_MS = 200

export interface LiveAlignment {
  clauses: AlignedClause[]
  counts: TranslationCounts
  pending: StructuralChange[]
  /** The glossary, by entry id, for showing the terms found in a clause. */
  glossary: ReadonlyMap<string, GlossaryEntry>
}

/**
 * The translation beside its source, kept live in this browser: the marks come from the
 * server (and its `clauseMarked` events), the texts from the two open Y.Docs, and the same
 * rule as the server's (`alignClauses`) turns a clause outdated as soon as the source edit
 * arrives here, without asking the server.
 */
export const useLiveAlignment = (
  translationId: string,
  source: Y.Doc | null,
  target: Y.Doc | null,
  languages: { source: DocumentLanguage; target: DocumentLanguage; locale: string },
): { alignment: LiveAlignment | null; reload: () => void } => {
  const { source: sourceLanguage, target: targetLanguage, locale } = languages
  const [marks, setMarks] = useState<ReadonlyMap<string, TranslationMark> | null>(null)
  const [entries, setEntries] = useState<GlossaryEntry[]>([])
  useEffect(() => {
    // Without the glossary the view still works; terminology is then not shown.
    api.glossary().then(
      ({ entries }) => setEntries(entries),
      () => undefined,
    )
  }, [])
  const [alignment, setAlignment] = useState<LiveAlignment | null>(null)

  const reload = useCallback(() => {
    api.alignment(translationId).then(
      (answer) =>
        setMarks(
          new Map(answer.clauses.flatMap((c) => (c.marked ? [[c.clauseId, c.marked]] : []))),
        ),
      // The view keeps the marks it has; the next event or reconnection reads them again.
      () => undefined,
    )
  }, [translationId])
  useEffect(reload, [reload])
  useDocumentEvents(
    translationId,
    (event) => {
      if (event.type !== 'clauseMarked') return
      setMarks((old) =>
        new Map(old).set(event.clauseId, { sourceText: event.sourceText, ...event.marked }),
      )
    },
    reload,
  )

  useEffect(() => {
    if (!source || !target || !marks) return
    const glossary: PreparedGlossary | undefined =
      entries.length > 0 ? prepareGlossary(entries, sourceLanguage, targetLanguage) : undefined
    const byId = new Map(entries.map((entry) => [entry.id, entry]))
    let timer: ReturnType<typeof setTimeout> | undefined
    const compute = () => {
      timer = undefined
      const sourceJSON = adoptedJSON(source)
      const targetJSON = adoptedJSON(target)
      setAlignment({
        ...alignClauses(sourceJSON, targetJSON, marks, locale, glossary),
        pending: structuralChanges(sourceJSON, targetJSON),
        glossary: byId,
      })
    }
    const schedule = () => {
      timer ??= setTimeout(compute, RECOMPUTE_MS)
    }
    compute()
    source.on('update', schedule)
    target.on('update', schedule)
    return () => {
      clearTimeout(timer)
      source.off('update', schedule)
      target.off('update', schedule)
    }
  }, [source, target, marks, locale, entries, sourceLanguage, targetLanguage])

  return { alignment, reload }
}
