import { type Editor, useEditorState } from '@tiptap/react'
import { type KeyboardEvent, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ToolbarButton } from './ToolbarButton'

type Level = 1 | 2 | 3
const LEVELS: readonly Level[] = [1, 2, 3]

/** Bold, italic, headings 1–3 and lists. Arrow keys move between buttons (ARIA toolbar pattern). */
export const Toolbar = ({ editor }: { editor: Editor }) => {
  const { t } = useTranslation()
  const [focused, setFocused] = useState(0)
  const active = useEditorState({
    editor,
    selector: ({ editor: current }) => ({
      bold: current.isActive('bold'),
      italic: current.isActive('italic'),
      headings: LEVELS.map((level) => current.isActive('heading', { level })),
      bulletList: current.isActive('bulletList'),
      orderedList: current.isActive('orderedList'),
    }),
  })

  // Core commands by node and mark name: the extensions' own typings belong to @accord/schema.
  const chain = () => editor.chain().focus()
  const buttons = [
    {
      label: t('toolbar.bold'),
      glyph: 'B',
      pressed: active.bold,
      run: () => chain().toggleMark('bold').run(),
    },
    {
      label: t('toolbar.italic'),
      glyph: 'I',
      pressed: active.italic,
      run: () => chain().toggleMark('italic').run(),
    },
    ...LEVELS.map((level, i) => ({
      label: t('toolbar.heading', { level }),
      glyph: `H${level}`,
      pressed: active.headings[i] ?? false,
      run: () => chain().toggleNode('heading', 'paragraph', { level }).run(),
    })),
    {
      label: t('toolbar.bulletList'),
      glyph: '•',
      pressed: active.bulletList,
      run: () => chain().toggleList('bulletList', 'listItem').run(),
    },
    {
      label: t('toolbar.orderedList'),
      glyph: '1.',
      pressed: active.orderedList,
      run: () => chain().toggleList('orderedList', 'listItem').run(),
    },
  ]

  const moveFocus = (event: KeyboardEvent<HTMLDivElement>) => {
    const count = buttons.length
    const targets: Record<string, number> = {
      ArrowRight: (focused + 1) % count,
      ArrowLeft: (focused + count - 1) % count,
      Home: 0,
      End: count - 1,
    }
    const next = targets[event.key]
    if (next === undefined) return
    event.preventDefault()
    setFocused(next)
    event.currentTarget.querySelectorAll('button')[next]?.focus()
  }

  return (
    <div className="toolbar" role="toolbar" aria-label={t('toolbar.label')} onKeyDown={moveFocus}>
      {buttons.map((button, i) => (
        <ToolbarButton
          key={button.glyph}
          label={button.label}
          pressed={button.pressed}
          onPress={() => {
            setFocused(i)
            button.run()
          }}
          tabIndex={i === focused ? 0 : -1}
        >
          {button.glyph}
        </ToolbarButton>
      ))}
    </div>
  )
}
