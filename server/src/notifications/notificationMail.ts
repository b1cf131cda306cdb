import type { Notification, User } from '@accord/protocol'
import { composeMail, type MailLine } from '../mail/composeMail.js'
import type { OutgoingMail } from '../mail/MailOutbox.js'
import type { UnsubscribeTokens } from '../mail/UnsubscribeTokens.js'

/** Items listed in one digest; the rest are counted ("…and 40 more"). */
const DIGEST_ITEMS = 50

/** The exact place a notification is about: the thread, suggestion or version in its document. */
export const linkTo = (origin: string, n: Notification): string => {
  if (!n.documentId) return `${origin}/`
  const doc = `${origin}/documents/${encodeURIComponent(n.documentId)}`
  if (n.threadId) return `${doc}?thread=${encodeURIComponent(n.threadId)}`
  if (n.target?.suggestionId)
    return `${doc}?suggestion=${encodeURIComponent(n.target.suggestionId)}`
  if (n.target?.versionId) return `${doc}/history?version=${encodeURIComponent(n.target.versionId)}`
  if (n.target?.clauseId) return `${doc}?clause=${encodeURIComponent(n.target.clauseId)}`
  return doc
}

const lineFor = (origin: string, n: Notification): MailLine => ({
  say: (t, v) => t.kind[n.type](v),
  vars: {
    actor: n.actor?.name ?? 'Accord',
    document: n.documentTitle ?? '',
    detail: n.target?.detail ?? '',
  },
  url: linkTo(origin, n),
})

const unsubscribeUrl = (origin: string, tokens: UnsubscribeTokens, userId: string, kind: string) =>
  `${origin}/api/unsubscribe/${tokens.sign(userId, kind)}`

/** One notification, mailed at once; unsubscribing stops this kind. */
export const immediateMail = (
  origin: string,
  tokens: UnsubscribeTokens,
  user: User,
  n: Notification,
): OutgoingMail =>
  composeMail({
    to: user.email,
    language: user.language ?? 'ru',
    name: user.name,
    subject: (t) =>
      t.kind[n.type]({
        actor: n.actor?.name ?? 'Accord',
        document: n.documentTitle ?? '',
        detail: n.target?.detail ?? '',
      }),
    lines: [lineFor(origin, n)],
    settingsUrl: `${origin}/profile`,
    unsubscribeUrl: unsubscribeUrl(origin, tokens, user.id, n.type),
  })

/** Several notifications in one mail (the daily digest, or a batch); unsubscribing stops all mail. */
export const digestMail = (
  origin: string,
  tokens: UnsubscribeTokens,
  user: User,
  items: Notification[],
): OutgoingMail => {
  const shown = items.slice(-DIGEST_ITEMS)
  const more = items.length - shown.length
  return composeMail({
    to: user.email,
    language: user.language ?? 'ru',
    name: user.name,
    subject: (t) => t.digestSubject(items.length),
    lines: [
      { say: (t) => t.digestIntro, vars: {} },
      ...shown.map((n) => lineFor(origin, n)),
      ...(more > 0
        ? [{ say: (t: Parameters<MailLine['say']>[0]) => t.digestMore(more), vars: {} }]
        : []),
    ],
    settingsUrl: `${origin}/profile`,
    unsubscribeUrl: unsubscribeUrl(origin, tokens, user.id, 'all'),
  })
}
