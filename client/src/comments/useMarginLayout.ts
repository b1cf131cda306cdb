import type { CommentThread } from '@accord/protocol'
import type { Editor } from '@tiptap/core'
import { type RefObject, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react'
import { stackCards } from './stackCards'
import { threadRange } from './threadRange'

/** Where each shown card goes, in the margin's coordinates (px). */
export type MarginLayout = ReadonlyMap<string, number>

/** Space between stacked cards (px). */
const GAP = 8
/** A card not yet measured is taken to be this tall (px). */
const GUESS = 120

const sameLayout = (a: MarginLayout, b: MarginLayout) =>
  a.size === b.size && [...a].every(([id, top]) => b.get(id) === top)

/**
 * Places the open threads' cards beside their words. Only threads whose words are within a
 * screen of the visible part of the page are placed (found by binary search over the threads
 * in text order, so a long document with many threads costs a few coordinate reads per
 * frame), plus the active one. All reads happen in one animation frame and the result is one
 * state update, so scrolling, typing and resizing never interleave reads and writes. Runs
 * again on scroll, on resize, when the text changes (anyone's edit) and when a card's height
 * changes; `observe` is the ref callback for each card, to measure it.
 */
export const useMarginLayout = (
  editor: Editor | null,
  threads: readonly CommentThread[],
  activeId: string | null,
  margin: RefObject<HTMLElement | null>,
): { layout: MarginLayout; observe: (element: HTMLElement | null) => (() => void) | undefined } => {
  const [layout, setLayout] = useState<MarginLayout>(new Map())
  const heights = useRef(new Map<string, number>())
  const frame = useRef(0)
  const current = useRef({ threads, activeId })
  current.current = { threads, activeId }

  const measure = useCallback(() => {
    const box = margin.current
    if (!editor || editor.isDestroyed || !box) return
    // No thread, nothing to place: no coordinates read (that would lay the page out).
    if (current.current.threads.length === 0) {
      setLayout((previous) => (previous.size === 0 ? previous : new Map()))
      return
    }
    const { view, state } = editor
    const ranges = current.current.threads
      .map((thread) => ({ id: thread.id, range: threadRange(state, thread) }))
      .filter((item): item is { id: string; range: { from: number; to: number } } => !!item.range)
      .sort((a, b) => a.range.from - b.range.from)
    const topOf = (pos: number) => view.coordsAtPos(pos, 1).top
    const band = window.innerHeight
    // First thread whose words are not above the band, and first one below it.
    const search = (isPast: (top: number) => boolean) => {
      let low = 0
      let high = ranges.length
      while (low < high) {
        const mid = (low + high) >> 1
        const item = ranges[mid]
        if (!item || isPast(topOf(item.range.from))) high = mid
        else low = mid + 1
      }
      return low
    }
    const first = search((top) => top >= -band)
    const end = search((top) => top > 2 * band)
    const shown = ranges.slice(first, end)
    const active = ranges.find((item) => item.id === current.current.activeId)
    if (active && !shown.includes(active)) shown.push(active)
    const origin = box.getBoundingClientRect().top
    const next = stackCards(
      shown.map(({ id, range }) => ({
        id,
        anchorTop: Math.round(topOf(range.from) - origin),
        height: heights.current.get(id) ?? GUESS,
      })),
      GAP,
      current.current.activeId,
    )
    setLayout((previous) => (sameLayout(previous, next) ? previous : next))
  }, [editor, margin])

  const schedule = useCallback(() => {
    cancelAnimationFrame(frame.current)
    frame.current = requestAnimationFrame(measure)
  }, [measure])

  // Cards are measured as they render and whenever their content changes height.
  const [resizes] = useState(
    () =>
      new ResizeObserver((entries) => {
        for (const entry of entries) {
          const id = (entry.target as HTMLElement).dataset.threadId
          if (id) heights.current.set(id, (entry.target as HTMLElement).offsetHeight)
        }
        schedule()
      }),
  )
  const observe = useCallback(
    (element: HTMLElement | null) => {
      if (!element) return
      resizes.observe(element)
      return () => resizes.unobserve(element)
    },
    [resizes],
  )

  useEffect(() => {
    if (!editor) return
    const text = new ResizeObserver(schedule)
    text.observe(editor.view.dom)
    editor.on('update', schedule)
    window.addEventListener('scroll', schedule, { passive: true })
    window.addEventListener('resize', schedule)
    return () => {
      cancelAnimationFrame(frame.current)
      text.disconnect()
      editor.off('update', schedule)
      window.removeEventListener('scroll', schedule)
      window.removeEventListener('resize', schedule)
    }
  }, [editor, schedule])

  useEffect(() => () => resizes.disconnect(), [resizes])

  // New threads, a new active one: place them before the next paint.
  useLayoutEffect(() => {
    void threads
    void activeId
    schedule()
  }, [threads, activeId, schedule])

  return { layout, observe }
}
