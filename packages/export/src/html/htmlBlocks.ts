import type { Block, ExportClause, Inline } from '../model/Block.js'
import { clauseHeadingPrefix } from '../model/clauseHeadingPrefix.js'
import { blockHeadingLevel, clauseLevel } from '../model/outlineLevel.js'
import { type Child, fragment, htmlElement as h, type Markup } from '../xml.js'

const inline = (item: Inline): Child => {
  if (item.kind === 'break') return h('br')
  const { marks } = item
  let out: Child = item.text
  if (marks.code) out = h('code', {}, out)
  if (marks.bold) out = h('strong', {}, out)
  if (marks.italic) out = h('em', {}, out)
  if (marks.underline) out = h('u', {}, out)
  if (marks.strike) out = h('s', {}, out)
  if (marks.href) out = h('a', { href: marks.href, rel: 'noopener noreferrer' }, out)
  return out
}

export const htmlInlines = (inlines: readonly Inline[]): Markup => fragment(inlines.map(inline))

export const htmlBlock = (block: Block): Markup => {
  switch (block.type) {
    case 'paragraph':
      return h('p', {}, htmlInlines(block.inlines))
    case 'heading':
      return h(`h${blockHeadingLevel(block.level)}`, {}, htmlInlines(block.inlines))
    case 'list': {
      const items = block.items.map((item) => h('li', {}, item.map(htmlBlock)))
      if (!block.ordered) return h('ul', {}, items)
      return h('ol', { start: block.start === 1 ? undefined : block.start }, items)
    }
    case 'quote':
      return h('blockquote', {}, block.blocks.map(htmlBlock))
    case 'code':
      return h('pre', {}, h('code', {}, block.text))
    case 'rule':
      return h('hr')
  }
}

/** A clause as a section named by its heading, so screen readers list clauses by number. */
export const htmlClause = (clause: ExportClause): Markup => {
  const headingId = clause.id ? `clause-${clause.id}-heading` : undefined
  return h(
    'section',
    {
      class: clause.level === 1 ? 'clause' : 'subclause',
      id: clause.id ? `clause-${clause.id}` : undefined,
      'aria-labelledby': headingId,
    },
    h(
      `h${clauseLevel(clause)}`,
      { id: headingId },
      h('span', { class: 'clause-label' }, clauseHeadingPrefix(clause)),
      htmlInlines(clause.heading),
    ),
    clause.children.map((child) =>
      child.type === 'clause' ? htmlClause(child) : htmlBlock(child),
    ),
  )
}
