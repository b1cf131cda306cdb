import type { Element } from '@xmldom/xmldom'
import { child, childElements } from '../package/parseXml.js'

const HEADING_NAME = /^heading\s*(\d)$/i
const TITLE_NAME = /^title$/i

/**
 * The heading level of each paragraph style (`word/styles.xml`): styles named "heading N"
 * (every Word and LibreOffice locale writes the English name in `w:name`), styles with an
 * outline level, and styles based on one of those. 0 for the title style.
 */
export const readHeadingStyles = (styles: Element | undefined): Map<string, number> => {
  const levels = new Map<string, number>()
  if (!styles) return levels
  const basedOn = new Map<string, string>()
  for (const style of childElements(styles)) {
    if (style.nodeName !== 'w:style' || style.getAttribute('w:type') !== 'paragraph') continue
    const id = style.getAttribute('w:styleId') ?? ''
    const name = child(style, 'w:name')?.getAttribute('w:val') ?? ''
    const outline = child(style, 'w:pPr') && child(child(style, 'w:pPr') as Element, 'w:outlineLvl')
    const heading = HEADING_NAME.exec(name)
    if (heading) levels.set(id, Number(heading[1]))
    else if (TITLE_NAME.test(name)) levels.set(id, 0)
    else if (outline) {
      const level = Number(outline.getAttribute('w:val'))
      if (level >= 0 && level <= 5) levels.set(id, level + 1)
    }
    const parent = child(style, 'w:basedOn')?.getAttribute('w:val')
    if (parent) basedOn.set(id, parent)
  }
  for (const [id, parent] of basedOn) {
    let at: string | undefined = parent
    for (let hops = 0; at && !levels.has(id) && hops < 10; hops++) {
      const level = levels.get(at)
      if (level !== undefined) levels.set(id, level)
      at = basedOn.get(at)
    }
  }
  return levels
}

/** A paragraph style's name, and the list numbering it gives its paragraphs (`w:numPr`). */
export interface StyleNumbering {
  /** Absent: the style numbers nothing; "0": it switches numbering off. */
  numId?: string
  /** Absent: the style says no level (the list's level bound to the style, else 0). */
  ilvl?: number
  /** The style's name (`w:name`): Word's built-in names are English in every locale. */
  name: string
}

/**
 * Each paragraph style's name and list numbering, its own or through `w:basedOn` (the list
 * and the level inherited apart, as Word does: a style may name only a level).
 */
export const readStyleNumbering = (styles: Element | undefined): Map<string, StyleNumbering> => {
  const own = new Map<string, { numId?: string; ilvl?: number; name: string; parent?: string }>()
  for (const style of styles ? childElements(styles) : []) {
    if (style.nodeName !== 'w:style' || style.getAttribute('w:type') !== 'paragraph') continue
    const pPr = child(style, 'w:pPr')
    const numPr = pPr && child(pPr, 'w:numPr')
    const numId = numPr && child(numPr, 'w:numId')?.getAttribute('w:val')
    const ilvl = numPr && child(numPr, 'w:ilvl')?.getAttribute('w:val')
    const parent = child(style, 'w:basedOn')?.getAttribute('w:val')
    own.set(style.getAttribute('w:styleId') ?? '', {
      name: child(style, 'w:name')?.getAttribute('w:val') ?? '',
      ...(numId ? { numId } : {}),
      ...(ilvl !== null && ilvl !== undefined ? { ilvl: Number(ilvl) } : {}),
      ...(parent ? { parent } : {}),
    })
  }
  const numbering = new Map<string, StyleNumbering>()
  for (const [id, style] of own) {
    let { numId, ilvl } = style
    let at = style.parent
    // A chain longer than this is a loop of a broken file's.
    for (let hops = 0; at && hops < 10 && (numId === undefined || ilvl === undefined); hops++) {
      const parent = own.get(at)
      numId ??= parent?.numId
      ilvl ??= parent?.ilvl
      at = parent?.parent
    }
    numbering.set(id, {
      name: style.name,
      ...(numId !== undefined ? { numId } : {}),
      ...(ilvl !== undefined ? { ilvl } : {}),
    })
  }
  return numbering
}
