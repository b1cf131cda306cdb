/**
 * Every word of every mail, in Russian and English, as functions of their values. Values are
 * passed in already escaped for the part they go into (HTML or plain text), so a name or a
 * title can never become markup.
 */
import type { NotificationType } from '@accord/protocol'

export type MailLanguage = 'ru' | 'en'

type Vars = Record<string, string>
type Texts = {
  greeting(v: Vars): string
  open: string
  footer: string
  settings: string
  unsubscribe: string
  resetSubject: string
  resetBody(v: Vars): string
  resetIgnore: string
  kind: Record<NotificationType, (v: Vars) => string>
  digestSubject(count: number): string
  digestIntro: string
  digestMore(count: number): string
}

const ruPlural = new Intl.PluralRules('ru')
const ruCount = (n: number, one: string, few: string, many: string) => {
  const form = ruPlural.select(n)
  return form === 'one' ? one : form === 'few' ? few : many
}

export const MAIL_TEXTS: Record<MailLanguage, Texts> = {
  en: {
    greeting: (v) => `Hello, ${v.name}.`,
    open: 'Open',
    footer: 'You get this mail because of your notification settings in Accord.',
    settings: 'Change what you get by mail',
    unsubscribe: 'Stop these mails',
    resetSubject: 'Reset your Accord password',
    resetBody: (v) =>
      `Someone (we hope you) asked to set a new password for ${v.email}. The link below works once, for one hour.`,
    resetIgnore: 'If it was not you, ignore this mail: your password stays as it is.',
    kind: {
      mention: (v) => `${v.actor} mentioned you in “${v.document}”`,
      reply: (v) => `${v.actor} replied in a discussion you took part in, in “${v.document}”`,
      suggestionAccepted: (v) => `${v.actor} accepted your suggestion in “${v.document}”`,
      suggestionRejected: (v) => `${v.actor} rejected your suggestion in “${v.document}”`,
      versionNamed: (v) => `${v.actor} named a version of “${v.document}”: ${v.detail}`,
      documentInReview: (v) => `${v.actor} opened “${v.document}” for review`,
      documentFinalized: (v) => `${v.actor} finalized “${v.document}”`,
      roundOpened: (v) => `${v.actor} opened a review round on “${v.document}” until ${v.detail}`,
      roundReminder: (v) => `The review round on “${v.document}” closes in 24 hours (${v.detail})`,
      roundClosed: (v) =>
        `The review round on “${v.document}” is closed; its summary is in the document’s history`,
    },
    digestSubject: (n) => `${n} ${n === 1 ? 'update' : 'updates'} in Accord`,
    digestIntro: 'What happened since the last mail:',
    digestMore: (n) => `…and ${n} more: see your inbox in Accord.`,
  },
  ru: {
    greeting: (v) => `Здравствуйте, ${v.name}.`,
    open: 'Открыть',
    footer: 'Вы получили это письмо согласно своим настройкам уведомлений в Accord.',
    settings: 'Изменить, что приходит по почте',
    unsubscribe: 'Больше не присылать такие письма',
    resetSubject: 'Смена пароля в Accord',
    resetBody: (v) =>
      `Кто-то (надеемся, вы) попросил задать новый пароль для ${v.email}. Ссылка ниже действует один раз в течение часа.`,
    resetIgnore: 'Если это были не вы, не обращайте внимания на письмо: пароль останется прежним.',
    kind: {
      mention: (v) => `${v.actor} упоминает вас в документе «${v.document}»`,
      reply: (v) =>
        `${v.actor}: новый ответ в обсуждении, в котором вы участвовали, в документе «${v.document}»`,
      suggestionAccepted: (v) => `${v.actor}: ваше предложение в документе «${v.document}» принято`,
      suggestionRejected: (v) =>
        `${v.actor}: ваше предложение в документе «${v.document}» отклонено`,
      versionNamed: (v) => `${v.actor}: сохранена версия документа «${v.document}»: ${v.detail}`,
      documentInReview: (v) => `${v.actor}: документ «${v.document}» открыт для рассмотрения`,
      documentFinalized: (v) => `${v.actor}: документ «${v.document}» утверждён окончательно`,
      roundOpened: (v) =>
        `${v.actor}: открыт раунд рассмотрения документа «${v.document}» до ${v.detail}`,
      roundReminder: (v) =>
        `Раунд рассмотрения документа «${v.document}» закрывается через 24 часа (${v.detail})`,
      roundClosed: (v) =>
        `Раунд рассмотрения документа «${v.document}» закрыт; итоги — в истории документа`,
    },
    digestSubject: (n) => `${n} ${ruCount(n, 'новость', 'новости', 'новостей')} в Accord`,
    digestIntro: 'Что произошло с прошлого письма:',
    digestMore: (n) => `…и ещё ${n}: смотрите входящие в Accord.`,
  },
}
