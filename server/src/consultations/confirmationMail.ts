import type { Language } from '@accord/protocol'
import escapeHtml from 'escape-html'
import type { OutgoingMail } from '../mail/MailOutbox.js'

const TEXTS = {
  en: {
    subject: 'Confirm your comment',
    greeting: (name: string) => `Hello, ${name}.`,
    body: 'You sent a comment to a public consultation. Follow the link to confirm your address; your comment then goes to the working group for moderation.',
    confirm: 'Confirm my comment',
    ignore: 'If it was not you, ignore this mail: the comment is not published and is erased.',
  },
  ru: {
    subject: 'Подтвердите ваше замечание',
    greeting: (name: string) => `Здравствуйте, ${name}.`,
    body: 'Вы отправили замечание в публичное обсуждение. Перейдите по ссылке, чтобы подтвердить адрес; после этого замечание передаётся рабочей группе на модерацию.',
    confirm: 'Подтвердить замечание',
    ignore:
      'Если это были не вы, не обращайте внимания на письмо: замечание не будет опубликовано и будет удалено.',
  },
} as const

/** The mail with the link that confirms a public comment's address, in the commenter's language. */
export const confirmationMail = (input: {
  to: string
  name: string
  language: Language
  confirmUrl: string
  pageUrl: string
}): OutgoingMail => {
  const t = TEXTS[input.language]
  return {
    to: input.to,
    subject: t.subject,
    text: [
      t.greeting(input.name),
      '',
      t.body,
      '',
      `${t.confirm}: ${input.confirmUrl}`,
      '',
      t.ignore,
      '',
      input.pageUrl,
    ].join('\n'),
    html: [
      `<!doctype html><html lang="${input.language}"><body>`,
      `<p>${escapeHtml(t.greeting(input.name))}</p>`,
      `<p>${escapeHtml(t.body)}</p>`,
      `<p><a href="${escapeHtml(input.confirmUrl)}">${escapeHtml(t.confirm)}</a></p>`,
      `<p>${escapeHtml(t.ignore)}</p>`,
      `<p><a href="${escapeHtml(input.pageUrl)}">${escapeHtml(input.pageUrl)}</a></p>`,
      '</body></html>',
    ].join('\n'),
  }
}
