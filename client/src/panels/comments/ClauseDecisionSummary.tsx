import { type CommentThread, DECISIONS, type Decision } from '@accord/protocol'
import { numberedClauses } from '@accord/schema'
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useTranslation } from 'react-i18next'
import { DecisionCounts } from './DecisionCounts'

/** Clause numbers by id, as the text numbers them now. */
const useClauseNumbers = (editor: Editor | null): ReadonlyMap<string, string> =>
  useEditorState({
    editor,
    selector: ({ editor: current }) =>
      new Map(
        current
          ? numberedClauses(current.state.doc).map((c) => [String(c.node.attrs.id), c.number])
          : [],
      ),
    equalityFn: (a, b) =>
      a.size === b?.size && [...a].every(([id, number]) => b.get(id) === number),
  }) ?? new Map()

/** Per clause: how many threads, how many without a decision, and each decision's count. */
export const ClauseDecisionSummary = ({
  threads,
  editor,
}: {
  threads: readonly CommentThread[]
  editor: Editor | null
}) => {
  const { t } = useTranslation()
  const numbers = useClauseNumbers(editor)
  const byClause = new Map<string | null, CommentThread[]>()
  for (const thread of threads) {
    byClause.set(thread.clauseId, [...(byClause.get(thread.clauseId) ?? []), thread])
  }
  const order = (id: string | null) =>
    id === null ? -1 : numbers.has(id) ? [...numbers.keys()].indexOf(id) : Number.MAX_SAFE_INTEGER
  const clauses = [...byClause.keys()].sort((a, b) => order(a) - order(b))
  if (clauses.length === 0) return null
  return (
    <details className="clause-decisions">
      <summary>{t('disposition.summaryHeading')}</summary>
      <dl>
        {clauses.map((clauseId) => {
          const list = byClause.get(clauseId) ?? []
          const number = clauseId === null ? null : numbers.get(clauseId)
          const decisions = Object.fromEntries(
            DECISIONS.map((decision) => [
              decision,
              list.filter((th) => th.disposition?.decision === decision).length,
            ]),
          ) as Record<Decision, number>
          return (
            <div key={clauseId ?? 'general'}>
              <dt>
                {clauseId === null
                  ? t('disposition.general')
                  : number
                    ? t('disposition.clause', { number })
                    : t('disposition.clauseGone')}
              </dt>
              <dd>
                <DecisionCounts
                  total={list.length}
                  undecided={list.filter((th) => !th.disposition).length}
                  decisions={decisions}
                />
              </dd>
            </div>
          )
        })}
      </dl>
    </details>
  )
}
