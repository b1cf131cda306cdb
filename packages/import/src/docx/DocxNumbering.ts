import type { Element } from '@xmldom/xmldom'
import { child, childElements } from '../package/parseXml.js'

interface Level {
  format: string
  text: string
  start: number
  /** The paragraph style that numbers at this level (`w:pStyle`). */
  style?: string
}

const RUSSIAN_LOWER = 'абвгдежзиклмнопрстуфхцчшщэюя'
const ROMAN: [number, string][] = [
  [1000, 'M'],
  [900, 'CM'],
  [500, 'D'],
  [400, 'CD'],
  [100, 'C'],
  [90, 'XC'],
  [50, 'L'],
  [40, 'XL'],
  [10, 'X'],
  [9, 'IX'],
  [5, 'V'],
  [4, 'IV'],
  [1, 'I'],
]

const roman = (n: number): string => {
  let out = ''
  let rest = n
  for (const [value, digits] of ROMAN) {
    while (rest >= value) {
      out += digits
      rest -= value
    }
  }
  return out
}

const letter = (n: number, alphabet: string): string =>
  alphabet[(n - 1) % alphabet.length]?.repeat(Math.floor((n - 1) / alphabet.length) + 1) ?? ''

/** A number in one of Word's formats (`w:numFmt`). */
const formatNumber = (n: number, format: string): string => {
  switch (format) {
    case 'upperRoman':
      return roman(n)
    case 'lowerRoman':
      return roman(n).toLowerCase()
    case 'upperLetter':
      return letter(n, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')
    case 'lowerLetter':
      return letter(n, 'abcdefghijklmnopqrstuvwxyz')
    case 'russianLower':
      return letter(n, RUSSIAN_LOWER)
    case 'russianUpper':
      return letter(n, RUSSIAN_LOWER.toUpperCase())
    default:
      return String(n)
  }
}

/**
 * Word's list numbering (`word/numbering.xml`): which lists are bullets, and the number each
 * numbered paragraph shows ("1.", "1.1.", "а)"), counted as Word counts it, level by level.
 */
export class DocxNumbering {
  private readonly abstractOf = new Map<string, string>()
  private readonly levels = new Map<string, Map<number, Level>>()
  private readonly counters = new Map<string, number[]>()

  constructor(numbering: Element | undefined) {
    if (!numbering) return
    for (const el of childElements(numbering)) {
      if (el.nodeName === 'w:abstractNum') {
        const levels = new Map<number, Level>()
        for (const lvl of childElements(el)) {
          if (lvl.nodeName !== 'w:lvl') continue
          const style = child(lvl, 'w:pStyle')?.getAttribute('w:val')
          levels.set(Number(lvl.getAttribute('w:ilvl') ?? 0), {
            format: child(lvl, 'w:numFmt')?.getAttribute('w:val') ?? 'decimal',
            text: child(lvl, 'w:lvlText')?.getAttribute('w:val') ?? '',
            start: Number(child(lvl, 'w:start')?.getAttribute('w:val') ?? 1),
            ...(style ? { style } : {}),
          })
        }
        this.levels.set(el.getAttribute('w:abstractNumId') ?? '', levels)
      } else if (el.nodeName === 'w:num') {
        const abstract = child(el, 'w:abstractNumId')?.getAttribute('w:val')
        if (abstract !== null && abstract !== undefined)
          this.abstractOf.set(el.getAttribute('w:numId') ?? '', abstract)
      }
    }
  }

  /**
   * The level of list `numId` that paragraph style `styleId` numbers at (a level names its
   * style with `w:pStyle`), when a style says no `w:ilvl` of its own.
   */
  styleLevel(numId: string, styleId: string): number | undefined {
    const abstract = this.abstractOf.get(numId)
    const levels = abstract === undefined ? undefined : this.levels.get(abstract)
    for (const [level, def] of levels ?? []) if (def.style === styleId) return level
    return undefined
  }

  /** Counts one paragraph of list `numId` at `level`; its label, and whether it is numbered. */
  next(numId: string, level: number): { ordered: boolean; label: string; listId: string } | null {
    const abstract = this.abstractOf.get(numId)
    const levels = abstract === undefined ? undefined : this.levels.get(abstract)
    if (!levels || numId === '0') return null
    const own = levels.get(level)
    const listId = `docx-${abstract}`
    if (!own || own.format === 'bullet' || own.format === 'none') {
      return { ordered: false, label: '', listId }
    }
    // Lists sharing an abstract numbering continue one count, as Word shows them.
    const counts = this.counters.get(listId) ?? []
    for (let l = 0; l < level; l++) counts[l] ??= (levels.get(l)?.start ?? 1) - 1
    counts[level] = (counts[level] ?? own.start - 1) + 1
    counts.length = level + 1
    this.counters.set(listId, counts)
    const label = own.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1
      return formatNumber(Math.max(1, counts[l] ?? 1), levels.get(l)?.format ?? 'decimal')
    })
    return { ordered: true, label, listId }
  }
}
