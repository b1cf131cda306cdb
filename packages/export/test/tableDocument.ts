import type { JSONContent } from '@tiptap/core'

const text = (t: string, marks?: { type: string }[]) => ({
  type: 'text',
  text: t,
  ...(marks ? { marks } : {}),
})
const p = (...content: unknown[]) => ({ type: 'paragraph', content })
const cell = (
  t: string,
  type = 'tableCell',
  attrs: { colspan?: number; rowspan?: number } = {},
) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, ...attrs },
  content: [p(text(t))],
})

export const NOTES = ['Как определено в уставе.', 'См. приложение 2.']

/**
 * A clause with a footnote in its text and a definitions table: a header row, a cell merged
 * over two columns, one merged over two rows, and a second footnote inside a cell.
 */
export const tableDocument = (): JSONContent => ({
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'defs' },
      content: [
        { type: 'clauseHeading', content: [text('Определения')] },
        p(
          text('Термины'),
          { type: 'footnote', content: [text(NOTES[0] as string)] },
          text(' применяются так:'),
        ),
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                cell('Термин', 'tableHeader'),
                cell('Значение', 'tableHeader'),
                cell('Источник', 'tableHeader'),
              ],
            },
            {
              type: 'tableRow',
              content: [
                cell('Омбудсмен', 'tableCell', { rowspan: 2 }),
                cell('Уполномоченный по правам', 'tableCell', { colspan: 2 }),
              ],
            },
            {
              type: 'tableRow',
              content: [
                cell('Город-участник'),
                {
                  type: 'tableCell',
                  attrs: { colspan: 1, rowspan: 1 },
                  content: [
                    p(text('Устав'), { type: 'footnote', content: [text(NOTES[1] as string)] }),
                  ],
                },
              ],
            },
          ],
        },
      ],
    },
  ],
})
