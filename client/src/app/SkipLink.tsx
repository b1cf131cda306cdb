import type { MouseEvent } from 'react'

interface SkipLinkProps {
  /** Id of the element that receives focus. */
  target: string
  label: string
}

/** First stop for keyboard users: jumps past the header to the content (or straight into the editor). */
export const SkipLink = ({ target, label }: SkipLinkProps) => {
  const skip = (event: MouseEvent<HTMLAnchorElement>) => {
    // Following the fragment alone moves the scroll position but not always the focus.
    const element = document.getElementById(target)
    if (!element) return
    event.preventDefault()
    element.focus()
    element.scrollIntoView({ block: 'nearest' })
  }
  return (
    <a className="skip-link" href={`#${target}`} onClick={skip}>
      {label}
    </a>
  )
}
