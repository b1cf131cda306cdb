import type { Page } from 'playwright-core'

/** What a keyboard user sees of the focused element: its tag, id, role, name and focus ring. */
export interface FocusedElement {
  tag: string
  id: string
  role: string | null
  text: string
  /** The outline of the element, or of what draws its ring (a label, the editor's frame). */
  ring: boolean
}

/** The element that has the focus now (read only: nothing is focused or clicked). */
export const focused = (page: Page): Promise<FocusedElement> =>
  page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null
    if (!element || element === document.body) {
      return { tag: 'body', id: '', role: null, text: '', ring: false }
    }
    // A visually hidden radio draws its ring on its label; the editor on its frame.
    const drawers = [element, element.closest('label'), element.closest('.editor')]
    const ring = drawers.some((drawer) => {
      if (!drawer) return false
      const style = getComputedStyle(drawer)
      return style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2
    })
    return {
      tag: element.tagName.toLowerCase(),
      id: element.id,
      role: element.getAttribute('role'),
      text: (element.getAttribute('aria-label') ?? element.textContent ?? '').trim(),
      ring,
    }
  })

/**
 * Presses Tab (or Shift+Tab) until `wanted` holds for the focused element, checking on the
 * way that every stop shows a focus ring. Fails after `limit` presses.
 */
export const tabUntil = async (
  page: Page,
  wanted: (element: FocusedElement) => boolean,
  { backwards = false, limit = 60 } = {},
): Promise<FocusedElement> => {
  const withoutRing: string[] = []
  const stops: string[] = []
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab')
    const element = await focused(page)
    stops.push(`${element.tag}#${element.id} “${element.text.slice(0, 30)}”`)
    // Past the last control, focus leaves the page for the browser's own toolbar (body here).
    if (!element.ring && element.tag !== 'body')
      withoutRing.push(`${element.tag}#${element.id} “${element.text}”`)
    if (wanted(element)) {
      if (withoutRing.length) throw new Error(`No visible focus ring on: ${withoutRing.join(', ')}`)
      return element
    }
  }
  throw new Error(
    `Not reached with ${limit} presses of Tab; last stops: ${stops.slice(-25).join(', ')}`,
  )
}
