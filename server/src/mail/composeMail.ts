import escapeHtml from 'escape-html'
import type { OutgoingMail } from './MailOutbox.js'
import { MAIL_TEXTS, type MailLanguage } from './mailTexts.js'

export type Texts = (typeof MAIL_TEXTS)[MailLanguage]

/** One paragraph of a mail: its words (from the values given) and where its link goes. */
export interface MailLine {
  say(texts: Texts, vars: Record<string, string>): string
  vars: Record<string, string>
  url?: string
}

/**
 * Builds a mail's plain-text and HTML parts from the same texts, so both say the same
 * thing; values are escaped for HTML. `unsubscribeUrl` adds the RFC 8058 one-click headers
 * and a footer link.
 */
export const composeMail = (input: {
  to: string
  language: MailLanguage
  name: string
  subject: (t: Texts) => string
  lines: MailLine[]
  settingsUrl?: string
  unsubscribeUrl?: string
}): OutgoingMail => {
  const t = MAIL_TEXTS[input.language]
  const asHtml = (v: Record<string, string>) =>
    Object.fromEntries(Object.entries(v).map(([k, x]) => [k, escapeHtml(x)]))
  const footer = [
    ...(input.settingsUrl ? [{ label: t.settings, url: input.settingsUrl }] : []),
    ...(input.unsubscribeUrl ? [{ label: t.unsubscribe, url: input.unsubscribeUrl }] : []),
  ]
  const text = [
    t.greeting({ name: input.name }),
    '',
    ...input.lines.flatMap((l) => [
      l.say(t, l.vars),
      ...(l.url ? [`${t.open}: ${l.url}`] : []),
      '',
    ]),
    '-- ',
    t.footer,
    ...footer.map((f) => `${f.label}: ${f.url}`),
  ].join('\n')
  const link = (url: string, label: string) =>
    `<a href="${escapeHtml(url)}">${escapeHtml(label)}</a>`
  const html = [
    `<!doctype html><html lang="${input.language}"><body>`,
    `<p>${t.greeting({ name: escapeHtml(input.name) })}</p>`,
    ...input.lines.map(
      (l) => `<p>${l.say(t, asHtml(l.vars))}${l.url ? `<br>${link(l.url, t.open)}` : ''}</p>`,
    ),
    `<hr><p style="font-size:small">${escapeHtml(t.footer)}`,
    ...footer.map((f) => `<br>${link(f.url, f.label)}`),
    '</p></body></html>',
  ].join('\n')
  return {
    to: input.to,
    subject: input.subject(t),
    text,
    html,
    headers: input.unsubscribeUrl
      ? {
          'List-Unsubscribe': `<${input.unsubscribeUrl}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
        }
      : undefined,
  }
}
