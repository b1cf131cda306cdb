import type { CommentType, CompilationRow, Decision, Language } from '@accord/protocol'
import { xmlSafeText } from '../model/xmlSafe.js'

/** The columns of the ISO/IEC compilation of comments, plus the decision, in their order. */
export const COMPILATION_COLUMNS = [
  'organization',
  'author',
  'clause',
  'paragraph',
  'type',
  'comment',
  'proposedChange',
  'decision',
  'observations',
] as const
export type CompilationColumn = (typeof COMPILATION_COLUMNS)[number]

const HEADINGS: Record<Language, Record<CompilationColumn, string>> = {
  en: {
    organization: 'MB/Organization',
    author: 'Author',
    clause: 'Clause/Subclause',
    paragraph: 'Paragraph/Figure/Table',
    type: 'Type of comment',
    comment: 'Comments',
    proposedChange: 'Proposed change',
    decision: 'Decision',
    observations: 'Observations of the secretariat',
  },
  ru: {
    organization: 'Организация',
    author: 'Автор',
    clause: 'Пункт/подпункт',
    paragraph: 'Абзац/рисунок/таблица',
    type: 'Тип замечания',
    comment: 'Замечание',
    proposedChange: 'Предлагаемое изменение',
    decision: 'Решение',
    observations: 'Замечания секретариата',
  },
}

/** The template's codes: ge, te, ed. */
export const TYPE_CODES: Record<CommentType, string> = {
  general: 'ge',
  technical: 'te',
  editorial: 'ed',
}

const DECISION_WORDS: Record<Language, Record<Decision, string>> = {
  en: {
    accepted: 'Accepted',
    acceptedInPrinciple: 'Accepted in principle',
    rejected: 'Rejected',
    noted: 'Noted',
  },
  ru: {
    accepted: 'Принято',
    acceptedInPrinciple: 'Принято в принципе',
    rejected: 'Отклонено',
    noted: 'Принято к сведению',
  },
}

const EXTRA_WORDS: Record<
  Language,
  { title: string; general: string; suggestion: string; public: string }
> = {
  en: {
    title: 'Compilation of comments',
    general: 'General',
    suggestion: 'Suggested change in the text',
    public: 'Public consultation',
  },
  ru: {
    title: 'Сводка замечаний',
    general: 'Общее',
    suggestion: 'Предложенная правка текста',
    public: 'Публичное обсуждение',
  },
}

/** Column headings in a language. */
export const compilationHeadings = (language: Language): string[] =>
  COMPILATION_COLUMNS.map((column) => HEADINGS[language][column])

/** Every heading any language gives a column (for reading a filled-in template back). */
export const headingsOf = (column: CompilationColumn): string[] =>
  Object.values(HEADINGS).map((headings) => headings[column])

/** The words of a file's title line. */
export const compilationTitle = (language: Language, documentTitle: string): string =>
  `${EXTRA_WORDS[language].title}: ${documentTitle}`

/** One row as the cells of the columns, in a language (without characters XML forbids). */
export const compilationCells = (row: CompilationRow, language: Language): string[] => {
  const words = EXTRA_WORDS[language]
  const cells: Record<CompilationColumn, string> = {
    // The public's comments say where they came from, beside the organization given (if any).
    organization:
      row.source === 'public'
        ? [row.organization, words.public].filter(Boolean).join(' — ')
        : row.organization,
    author: row.author,
    clause: row.clauseNumber ?? (row.clauseId === null ? words.general : ''),
    paragraph: row.paragraph,
    type: row.type ? TYPE_CODES[row.type] : '',
    comment: row.source === 'suggestion' ? words.suggestion : row.comment,
    proposedChange: row.proposedChange,
    decision: row.decision ? DECISION_WORDS[language][row.decision] : '',
    observations: row.reason,
  }
  return COMPILATION_COLUMNS.map((column) => xmlSafeText(cells[column]))
}
