import { readableTextColor } from './readableTextColor'

/**
 * A collaborator's caret with their name, in their colour, the name in black or white for
 * contrast. `color` arrives sanitised by CollaborationCaret (a #rrggbb or 'transparent').
 */
export const renderCaret = (user: Record<string, unknown>): HTMLElement => {
  const color = typeof user.color === 'string' ? user.color : 'transparent'
  const caret = document.createElement('span')
  caret.className = 'collaboration-carets__caret'
  caret.style.borderColor = color
  // Names inside the text would interrupt reading; screen readers get the presence list.
  caret.setAttribute('aria-hidden', 'true')

  const label = document.createElement('span')
  label.className = 'collaboration-carets__label'
  label.style.backgroundColor = color
  label.style.color = readableTextColor(color)
  label.textContent = typeof user.name === 'string' ? user.name : ''
  caret.append(label)
  return caret
}
