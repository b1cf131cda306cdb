/** The first clause (by `data-id`) whose box reaches into the top of a scrolled column. */
const topClause = (column: HTMLElement): { id: string; offset: number } | null => {
  const top = column.getBoundingClientRect().top
  for (const clause of column.querySelectorAll<HTMLElement>('[data-id]')) {
    const box = clause.getBoundingClientRect()
    if (box.bottom > top) return { id: clause.dataset.id ?? '', offset: box.top - top }
  }
  return null
}

/**
 * Scrolls `other` so the clause at the top of `scrolled` stands at the same height there:
 * the two language columns scroll together clause by clause, whatever each text's length.
 */
export const alignScroll = (scrolled: HTMLElement, other: HTMLElement): void => {
  const anchor = topClause(scrolled)
  if (!anchor) return
  const match = other.querySelector<HTMLElement>(`[data-id="${CSS.escape(anchor.id)}"]`)
  if (!match) return
  const delta = match.getBoundingClientRect().top - other.getBoundingClientRect().top
  other.scrollTop += delta - anchor.offset
}

/** Scrolls a column so the clause `id` is at its top. */
export const scrollToClause = (column: HTMLElement, id: string): void => {
  const match = column.querySelector<HTMLElement>(`[data-id="${CSS.escape(id)}"]`)
  if (!match) return
  column.scrollTop += match.getBoundingClientRect().top - column.getBoundingClientRect().top
}
