/** A card to place in the margin: where its words are, and how tall it is. */
export interface MarginItem {
  id: string
  /** The top of the thread's words, in the margin's coordinates (px). */
  anchorTop: number
  height: number
}

/**
 * Tops for margin cards so that none overlap: each card sits at its words' height unless the
 * card above it is in the way, then just below that one. The active card, when given, keeps
 * its own height exactly and the cards above it move up instead (as in Google Docs and Word),
 * so the thread one is working on is beside its words, unless that would push a card above
 * the margin's top (0): then the whole stack goes down just enough. Items come in any order.
 */
export const stackCards = (
  items: readonly MarginItem[],
  gap: number,
  activeId: string | null = null,
): Map<string, number> => {
  const sorted = [...items].sort((a, b) => a.anchorTop - b.anchorTop)
  const tops = new Map<string, number>()
  const pivot = Math.max(
    0,
    sorted.findIndex((item) => item.id === activeId),
  )
  // Downwards from the active card (or the first): each one below the previous.
  let bottom = -gap
  for (const item of sorted.slice(pivot)) {
    const top = Math.max(item.anchorTop, bottom + gap)
    tops.set(item.id, top)
    bottom = top + item.height
  }
  // Upwards from the active card: each one above the next.
  let ceiling = tops.get(sorted[pivot]?.id ?? '') ?? 0
  for (const item of sorted.slice(0, pivot).reverse()) {
    const top = Math.min(item.anchorTop, ceiling - gap - item.height)
    tops.set(item.id, top)
    ceiling = top
  }
  const highest = Math.min(0, ...tops.values())
  if (highest < 0) for (const [id, top] of tops) tops.set(id, top - highest)
  return tops
}
