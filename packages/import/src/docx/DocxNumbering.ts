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

const readLevel = (lvl: Element): Level => {
  const style = child(lvl, 'w:pStyle')?.getAttribute('w:val')
  const start = Number(child(lvl, 'w:start')?.getAttribute('w:val') ?? 1)
  return {
    format: child(lvl, 'w:numFmt')?.getAttribute('w:val') ?? 'decimal',
    text: child(lvl, 'w:lvlText')?.getAttribute('w:val') ?? '',
    start: wholeNumber(start) ? start : 1,
    ...(style ? { style } : {}),
  }
}

const wholeNumber = (n: number): boolean => Number.isInteger(n) && n >= 0

const levelOf = (el: Element): number => Number(el.getAttribute('w:ilvl') ?? 0)

interface Abstract {
  levels: Map<number, Level>
}

/** A list (`w:num`): its numbering definition, and the levels it overrides. */
interface Num {
  abstract: string
  /** Levels a `w:lvlOverride` defines anew (`w:lvl`) or starts elsewhere (`w:startOverride`). */
  levels: Map<number, Level>
  /** The levels whose count this list starts again (an override), at its first paragraph. */
  restarts: number[]
}

/**
 * Word's list numbering (`word/numbering.xml`): which lists are bullets, and the number each
 * numbered paragraph shows ("1.", "1.1.", "а)"), counted as Word counts it, level by level,
 * from each level's `w:start` or a list's `w:startOverride`.
 */
export class DocxNumbering {
  private readonly abstracts = new Map<string, Abstract>()
  private readonly nums = new Map<string, Num>()
  private readonly counters = new Map<string, number[]>()
  /** The lists whose first paragraph was counted. */
  private readonly started = new Set<string>()

  constructor(numbering: Element | undefined) {
    if (!numbering) return
    for (const el of childElements(numbering)) {
      if (el.nodeName === 'w:abstractNum') {
        const levels = new Map<number, Level>()
        for (const lvl of childElements(el))
          if (lvl.nodeName === 'w:lvl') levels.set(levelOf(lvl), readLevel(lvl))
        this.abstracts.set(el.getAttribute('w:abstractNumId') ?? '', { levels })
      } else if (el.nodeName === 'w:num') {
        const abstract = child(el, 'w:abstractNumId')?.getAttribute('w:val')
        if (abstract === null || abstract === undefined) continue
        this.nums.set(el.getAttribute('w:numId') ?? '', this.readOverrides(el, abstract))
      }
    }
  }

  private readOverrides(num: Element, abstract: string): Num {
    const levels = new Map<number, Level>()
    const restarts: number[] = []
    for (const override of childElements(num)) {
      if (override.nodeName !== 'w:lvlOverride') continue
      const level = levelOf(override)
      const lvl = child(override, 'w:lvl')
      const own = lvl ? readLevel(lvl) : this.abstracts.get(abstract)?.levels.get(level)
      const startOverride = child(override, 'w:startOverride')
      const start = Number(startOverride?.getAttribute('w:val'))
      if (!own) continue
      // A level defined anew counts from its own start, as a start override does.
      if (startOverride && wholeNumber(start)) levels.set(level, { ...own, start })
      else if (lvl) levels.set(level, own)
      if ((startOverride && wholeNumber(start)) || lvl) restarts.push(level)
    }
    return { abstract, levels, restarts }
  }

  private level(num: Num, level: number): Level | undefined {
    return num.levels.get(level) ?? this.abstracts.get(num.abstract)?.levels.get(level)
  }

  /**
   * The level of list `numId` that paragraph style `styleId` numbers at (a level names its
   * style with `w:pStyle`), when a style says no `w:ilvl` of its own.
   */
  styleLevel(numId: string, styleId: string): number | undefined {
    const num = this.nums.get(numId)
    const abstract = num && this.abstracts.get(num.abstract)
    for (const [level, def] of abstract?.levels ?? []) if (def.style === styleId) return level
    return undefined
  }

  /** Counts one paragraph of list `numId` at `level`; its label, and whether it is numbered. */
  next(
    numId: string,
    level: number,
  ): { ordered: boolean; label: string; listId: string; number?: number } | null {
    const num = this.nums.get(numId)
    if (!num || numId === '0' || !this.abstracts.has(num.abstract)) return null
    const own = this.level(num, level)
    // Lists sharing an abstract numbering continue one count, as Word shows them; a list
    // with a start override starts its levels again at its first paragraph.
    const listId = `docx-${num.abstract}`
    const counts = this.counters.get(listId) ?? []
    if (!this.started.has(numId)) {
      this.started.add(numId)
      for (const l of num.restarts) counts[l] = (this.level(num, l)?.start ?? 1) - 1
    }
    // Every paragraph counts at its level and starts the levels below it again, a bullet too.
    for (let l = 0; l < level; l++) counts[l] ??= (this.level(num, l)?.start ?? 1) - 1
    counts[level] = (counts[level] ?? (own?.start ?? 1) - 1) + 1
    counts.length = level + 1
    this.counters.set(listId, counts)
    if (!own || own.format === 'bullet' || own.format === 'none') {
      return { ordered: false, label: '', listId }
    }
    const label = own.text.replace(/%(\d)/g, (_, d: string) => {
      const l = Number(d) - 1
      return formatNumber(Math.max(1, counts[l] ?? 1), this.level(num, l)?.format ?? 'decimal')
    })
    return { ordered: true, label, listId, number: counts[level] }
  }
}
