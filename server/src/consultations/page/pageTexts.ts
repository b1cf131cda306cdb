import type { CommentType, Decision, Language } from '@accord/protocol'

/** Made once: making one takes longer than the rest of a clause's comments (500 on a long page). */
const RUSSIAN_PLURALS = new Intl.PluralRules('ru')

/** Every word of the public consultation pages, in Russian and English. */
export const PAGE_TEXTS = {
  en: {
    consultation: 'Public consultation',
    skip: 'Skip to the text',
    otherLanguage: 'Русский',
    otherLanguageName: 'Read this page in Russian',
    opens: 'Open for comments from',
    closes: 'until',
    scheduled: 'Comments can be sent from the opening date.',
    open: 'Comments are open: to comment on a clause, follow the link under it.',
    closed:
      'This consultation is closed. Below is the public report: every published comment with the working group’s decision.',
    introduction: 'Introduction',
    text: 'The text',
    comments: (n: number) => (n === 1 ? '1 published comment' : `${n} published comments`),
    anonymous: 'A member of the public',
    proposedChange: 'Proposed change',
    decision: 'Decision',
    undecided: 'No decision yet',
    reason: 'Reason',
    formSummary: (clause: string) => `Comment on ${clause}`,
    name: 'Your name',
    organization: 'Organization (optional)',
    email: 'E-mail address',
    emailHint: 'Never published. Used to confirm your comment and, on request, to erase your data.',
    type: 'Type of comment',
    types: {
      general: 'General',
      technical: 'Technical',
      editorial: 'Editorial',
    } satisfies Record<CommentType, string>,
    body: 'Your comment',
    proposed: 'Proposed change (optional)',
    publishName: 'Show my name and organization with my comment',
    consent:
      'I have read the privacy notice and agree to my comment being processed and, after moderation, published',
    privacyTitle: 'Privacy notice',
    privacy: (days: number) =>
      `The working group receives your name, organization, e-mail address and comment to consider it. Comments are published only after moderation; your name and organization only if you tick the box; your e-mail address never. It is kept until ${days} days after the consultation closes and then erased; ask the secretariat to erase your data sooner. This page sets no cookies and loads nothing from other sites.`,
    honeypot: 'Leave this field empty',
    send: 'Send comment',
    sentTitle: 'Thank you',
    sentModeration:
      'Your comment was received. It will appear on this page once a moderator publishes it.',
    sentConfirm:
      'Your comment was received. We sent you an e-mail with a link: follow it to confirm your address, and your comment goes to moderation.',
    back: 'Back to the consultation',
    confirmTitle: 'Confirm your comment',
    confirmAsk: 'Confirm your e-mail address to send your comment to moderation.',
    confirmButton: 'Confirm my comment',
    confirmed: 'Thank you: your address is confirmed and your comment is in moderation.',
    errorTitle: 'Your comment was not sent',
    notFoundTitle: 'No such consultation',
    notFound: 'There is no public consultation at this address.',
    report: 'Download the report',
    reportCsv: 'CSV',
    reportJson: 'JSON',
    decisions: {
      accepted: 'Accepted',
      acceptedInPrinciple: 'Accepted in principle',
      rejected: 'Rejected',
      noted: 'Noted',
    } satisfies Record<Decision, string>,
  },
  ru: {
    consultation: 'Публичное обсуждение',
    skip: 'Перейти к тексту',
    otherLanguage: 'English',
    otherLanguageName: 'Эта страница на английском',
    opens: 'Замечания принимаются с',
    closes: 'по',
    scheduled: 'Замечания можно будет отправить с даты открытия.',
    open: 'Обсуждение открыто: чтобы оставить замечание к пункту, перейдите по ссылке под ним.',
    closed:
      'Обсуждение закрыто. Ниже — публичный отчёт: все опубликованные замечания с решением рабочей группы.',
    introduction: 'Вступление',
    text: 'Текст',
    comments: (n: number) => {
      const form = RUSSIAN_PLURALS.select(n)
      const word =
        form === 'one'
          ? 'опубликованное замечание'
          : form === 'few'
            ? 'опубликованных замечания'
            : 'опубликованных замечаний'
      return `${n} ${word}`
    },
    anonymous: 'Участник обсуждения',
    proposedChange: 'Предлагаемое изменение',
    decision: 'Решение',
    undecided: 'Решение ещё не принято',
    reason: 'Обоснование',
    formSummary: (clause: string) => `Замечание к пункту ${clause}`,
    name: 'Ваше имя',
    organization: 'Организация (необязательно)',
    email: 'Адрес электронной почты',
    emailHint:
      'Не публикуется. Нужен, чтобы подтвердить замечание и по вашей просьбе удалить ваши данные.',
    type: 'Тип замечания',
    types: {
      general: 'Общее',
      technical: 'Техническое',
      editorial: 'Редакционное',
    } satisfies Record<CommentType, string>,
    body: 'Ваше замечание',
    proposed: 'Предлагаемое изменение (необязательно)',
    publishName: 'Показывать моё имя и организацию рядом с замечанием',
    consent:
      'Я прочитал(а) уведомление о персональных данных и согласен(на) на обработку замечания и его публикацию после модерации',
    privacyTitle: 'Уведомление о персональных данных',
    privacy: (days: number) =>
      `Рабочая группа получает ваше имя, организацию, адрес почты и замечание, чтобы его рассмотреть. Замечания публикуются только после модерации; имя и организация — только если вы отметите это; адрес почты — никогда. Он хранится ${days} дн. после закрытия обсуждения и затем удаляется; попросите секретариат удалить ваши данные раньше, если хотите. Эта страница не ставит cookie и ничего не загружает с других сайтов.`,
    honeypot: 'Оставьте это поле пустым',
    send: 'Отправить замечание',
    sentTitle: 'Спасибо',
    sentModeration:
      'Замечание получено. Оно появится на этой странице, когда модератор его опубликует.',
    sentConfirm:
      'Замечание получено. Мы отправили вам письмо со ссылкой: перейдите по ней, чтобы подтвердить адрес, и замечание поступит на модерацию.',
    back: 'Вернуться к обсуждению',
    confirmTitle: 'Подтвердите замечание',
    confirmAsk: 'Подтвердите адрес почты, чтобы замечание поступило на модерацию.',
    confirmButton: 'Подтвердить замечание',
    confirmed: 'Спасибо: адрес подтверждён, замечание поступило на модерацию.',
    errorTitle: 'Замечание не отправлено',
    notFoundTitle: 'Обсуждение не найдено',
    notFound: 'По этому адресу нет публичного обсуждения.',
    report: 'Скачать отчёт',
    reportCsv: 'CSV',
    reportJson: 'JSON',
    decisions: {
      accepted: 'Принято',
      acceptedInPrinciple: 'Принято в принципе',
      rejected: 'Отклонено',
      noted: 'Принято к сведению',
    } satisfies Record<Decision, string>,
  },
} as const satisfies Record<Language, unknown>

export type PageTexts = (typeof PAGE_TEXTS)[Language]
