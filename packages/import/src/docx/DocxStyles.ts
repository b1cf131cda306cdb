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
