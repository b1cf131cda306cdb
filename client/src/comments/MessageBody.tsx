import * as linkify from 'linkifyjs'
import type { ReactNode } from 'react'

/** Only these become links; everything else in a comment stays text. */
const SAFE_SCHEMES = /^(https?:|mailto:)/i

/**
 * A comment body as plain text, with web and mail addresses made clickable. Markup in a
 * comment is shown as typed, never interpreted: React escapes every piece.
 */
export const MessageBody = ({ text }: { text: string }) => {
  const parts: ReactNode[] = []
  let last = 0
  for (const link of linkify.find(text)) {
    if (!SAFE_SCHEMES.test(link.href)) continue
    if (link.start > last) parts.push(text.slice(last, link.start))
    parts.push(
      <a key={link.start} href={link.href} target="_blank" rel="noopener noreferrer nofollow">
        {link.value}
      </a>,
    )
    last = link.end
  }
  if (last < text.length) parts.push(text.slice(last))
  return <p className="comment-body">{parts}</p>
}
