import { type KeyboardEvent, useEffect, useId, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inboxApi } from '../app/api'
import { mentionQuery } from './mentionQuery'
import './mentions.css'

export interface Person {
  id: string
  name: string
}

interface MentionTextAreaProps {
  id: string
  value: string
  onChange: (value: string) => void
  /** A person was chosen from the list; their name is now in the text as "@Name". */
  onMention: (person: Person) => void
  /** Keys the list does not take (send, cancel). */
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void
  rows?: number
  maxLength?: number
  autoFocus?: boolean
}

/**
 * A text area where typing `@` offers people by name (any script). The list follows the
 * combobox pattern for a text box: arrows move through it (aria-activedescendant), Enter or
 * Tab inserts, Escape closes; a polite status says how many were found.
 */
export const MentionTextArea = ({
  id,
  value,
  onChange,
  onMention,
  onKeyDown,
  rows,
  maxLength,
  autoFocus,
}: MentionTextAreaProps) => {
  const { t } = useTranslation()
  const listId = useId()
  const area = useRef<HTMLTextAreaElement>(null)
  const [query, setQuery] = useState<{ start: number; query: string } | null>(null)
  const [people, setPeople] = useState<Person[]>([])
  const [active, setActive] = useState(0)
  const open = query !== null && people.length > 0

  useEffect(() => {
    if (query === null) {
      setPeople([])
      return
    }
    let current = true
    inboxApi
      .mentionable(query.query)
      .then(({ people: found }) => {
        if (!current) return
        setPeople(found)
        setActive(0)
      })
      .catch(() => current && setPeople([]))
    return () => {
      current = false
    }
  }, [query])

  const follow = (text: string, caret: number) => setQuery(mentionQuery(text, caret))

  const choose = (person: Person) => {
    if (!query) return
    const caret = area.current?.selectionStart ?? value.length
    const inserted = `@${person.name} `
    const next = value.slice(0, query.start) + inserted + value.slice(caret)
    onChange(next)
    onMention(person)
    setQuery(null)
    const at = query.start + inserted.length
    requestAnimationFrame(() => area.current?.setSelectionRange(at, at))
  }

  const keyDown = (event: KeyboardEvent<HTMLTextAreaElement>) => {
    if (open) {
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault()
        const step = event.key === 'ArrowDown' ? 1 : -1
        setActive((i) => (i + step + people.length) % people.length)
        return
      }
      if ((event.key === 'Enter' && !event.ctrlKey && !event.metaKey) || event.key === 'Tab') {
        event.preventDefault()
        const person = people[active]
        if (person) choose(person)
        return
      }
      if (event.key === 'Escape') {
        event.preventDefault()
        setQuery(null)
        return
      }
    }
    onKeyDown?.(event)
  }

  const optionId = (index: number) => `${listId}-option-${index}`

  return (
    <div className="mention-box">
      <textarea
        ref={area}
        id={id}
        value={value}
        rows={rows}
        maxLength={maxLength}
        // biome-ignore lint/a11y/noAutofocus: the person just asked to write here
        autoFocus={autoFocus}
        aria-autocomplete="list"
        aria-controls={open ? listId : undefined}
        aria-activedescendant={open ? optionId(active) : undefined}
        onChange={(event) => {
          onChange(event.target.value)
          follow(event.target.value, event.target.selectionStart)
        }}
        onSelect={(event) => follow(event.currentTarget.value, event.currentTarget.selectionStart)}
        onBlur={() => setQuery(null)}
        onKeyDown={keyDown}
      />
      {open && (
        <div id={listId} role="listbox" className="mention-list" aria-label={t('mentions.list')}>
          {people.map((person, index) => (
            <div
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === active}
              // Focus stays in the text box (aria-activedescendant); -1 keeps options out of Tab order.
              tabIndex={-1}
              className={index === active ? 'is-active' : undefined}
              // Chosen on mouse down, before the text area loses focus and closes the list.
              onMouseDown={(event) => {
                event.preventDefault()
                choose(person)
              }}
            >
              {person.name}
            </div>
          ))}
        </div>
      )}
      <div role="status" className="visually-hidden">
        {query !== null && t('mentions.found', { count: people.length })}
      </div>
    </div>
  )
}
