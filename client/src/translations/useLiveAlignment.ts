import {
  alignEntries,
  clauseEntries,
  type PreparedGlossary,
  prepareGlossary,
  structuralChangesOf,
  type TranslationMark,
} from '@accord/diff'
import type {
  AlignedClause,
  DocumentLanguage,
  GlossaryEntry,
  StructuralChange,
  TranslationCounts,
} from '@accord/protocol'
import type { Editor } from '@tiptap/core'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { useCallback, useEffect, useState } from 'react'
import type * as Y from 'yjs'
import { api } from '../app/api'
import { useDocumentEvents } from '../collab/useDocumentEvents'
import { adoptedJSON, adoptedJSONOfState } from './adoptedJSON'
import { keepUnchanged } from './keepUnchanged'

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
 * rule as the server's (`alignEntries`) turns a clause outdated as soon as the source edit
 * arrives here, without asking the server.
 */
export const useLiveAlignment = (
  translationId: string,
  source: Y.Doc | null,
  target: Y.Doc | null,
  languages: { source: DocumentLanguage; target: DocumentLanguage; locale: string },
  /** The open editors of both texts, once they exist: their texts are read block by block. */
  editors: { source: Editor | null; target: Editor | null },
): { alignment: LiveAlignment | null; reload: () => void } => {
  const { source: sourceLanguage, target: targetLanguage, locale } = languages
  const { source: sourceEditor, target: targetEditor } = editors
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
    // An editor's text once the Yjs binding has drawn it there; the Y.Doc's before that.
    const textOf = (ydoc: Y.Doc, editor: Editor | null) =>
      editor && !editor.isDestroyed && ySyncPluginKey.getState(editor.state)?.binding
        ? adoptedJSONOfState(editor.state)
        : adoptedJSON(ydoc)
    // The last alignment with these marks and this glossary: only changed clauses are aligned anew.
    let previous: AlignedClause[] | undefined
    const compute = () => {
      timer = undefined
      const sourceEntries = clauseEntries(textOf(source, sourceEditor))
      const targetEntries = clauseEntries(textOf(target, targetEditor))
      const aligned = alignEntries(sourceEntries, targetEntries, marks, locale, {
        glossary,
        previous,
      })
      previous = aligned.clauses
      const next = {
        ...aligned,
        pending: structuralChangesOf(sourceEntries, targetEntries),
        glossary: byId,
      }
      setAlignment((shown) => keepUnchanged(shown, next))
    }
    const schedule = () => {
      timer ??= setTimeout(compute, RECOMPUTE_MS)
    }
    compute()
    source.on('update', schedule)
    target.on('update', schedule)
    // The binding's first drawing of a text changes no Y.Doc, but the editor's text.
    sourceEditor?.on('update', schedule)
    targetEditor?.on('update', schedule)
    return () => {
      clearTimeout(timer)
      source.off('update', schedule)
      target.off('update', schedule)
      sourceEditor?.off('update', schedule)
      targetEditor?.off('update', schedule)
    }
  }, [
    source,
    target,
    sourceEditor,
    targetEditor,
    marks,
    locale,
    entries,
    sourceLanguage,
    targetLanguage,
  ])

  return { alignment, reload }
}
