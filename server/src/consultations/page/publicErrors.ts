import { ErrorCode, type Language } from '@accord/protocol'

/** What each field needs, said to the person who filled the form. */
const FIELD_MESSAGES: Record<Language, Record<string, string>> = {
  en: {
    clauseId: 'Choose a clause of this text to comment on.',
    name: 'Enter your name (at most 200 characters).',
    organization: 'The organization can have at most 300 characters.',
    email: 'Enter a valid e-mail address.',
    type: 'Choose a type: general, technical or editorial.',
    body: 'Write your comment: at least one character, at most 10,000.',
    proposedChange: 'The proposed change can have at most 10,000 characters.',
    consent: 'To send a comment, agree to the privacy notice.',
    publishName: 'Say whether to show your name.',
  },
  ru: {
    clauseId: 'Выберите пункт этого текста, к которому относится замечание.',
    name: 'Укажите имя (не более 200 знаков).',
    organization: 'Название организации — не более 300 знаков.',
    email: 'Укажите правильный адрес электронной почты.',
    type: 'Выберите тип: общее, техническое или редакционное.',
    body: 'Напишите замечание: от одного до 10 000 знаков.',
    proposedChange: 'Предлагаемое изменение — не более 10 000 знаков.',
    consent: 'Чтобы отправить замечание, согласитесь с уведомлением о персональных данных.',
    publishName: 'Укажите, показывать ли ваше имя.',
  },
}

const CODE_MESSAGES: Record<Language, Partial<Record<ErrorCode, string>>> = {
  en: {
    [ErrorCode.consultationNotOpen]: 'This consultation is not open for comments yet.',
    [ErrorCode.consultationClosed]: 'This consultation is closed: it takes no more comments.',
    [ErrorCode.unknownClause]: 'There is no such clause in this text.',
    [ErrorCode.notFound]: 'There is no public consultation at this address.',
    [ErrorCode.tokenInvalid]:
      'This link is used or unknown; your comment may already be confirmed.',
    [ErrorCode.tooLarge]: 'The comment is too long: at most 10,000 characters per field.',
    [ErrorCode.tooManyRequests]:
      'Too many comments in a short time; wait a few minutes and try again.',
    [ErrorCode.invalidJson]: 'The request is not valid JSON.',
    [ErrorCode.badRequest]: 'The request was not understood; reload the page and try again.',
    [ErrorCode.unsupportedMediaType]: 'Send the comment as JSON or from the form.',
    [ErrorCode.crossOrigin]: 'Comments from other sites are refused.',
    [ErrorCode.validation]: 'Some fields are not filled in correctly.',
    [ErrorCode.unavailable]: 'The server cannot take comments right now; try again in a moment.',
  },
  ru: {
    [ErrorCode.consultationNotOpen]: 'Обсуждение ещё не открыто для замечаний.',
    [ErrorCode.consultationClosed]: 'Обсуждение закрыто: замечания больше не принимаются.',
    [ErrorCode.unknownClause]: 'В этом тексте нет такого пункта.',
    [ErrorCode.notFound]: 'По этому адресу нет публичного обсуждения.',
    [ErrorCode.tokenInvalid]:
      'Ссылка уже использована или неизвестна; возможно, замечание уже подтверждено.',
    [ErrorCode.tooLarge]: 'Замечание слишком длинное: не более 10 000 знаков в каждом поле.',
    [ErrorCode.tooManyRequests]:
      'Слишком много замечаний за короткое время; подождите несколько минут и попробуйте снова.',
    [ErrorCode.invalidJson]: 'Запрос не является правильным JSON.',
    [ErrorCode.badRequest]: 'Запрос не понят; обновите страницу и попробуйте снова.',
    [ErrorCode.unsupportedMediaType]: 'Отправьте замечание в формате JSON или из формы.',
    [ErrorCode.crossOrigin]: 'Замечания с других сайтов не принимаются.',
    [ErrorCode.validation]: 'Некоторые поля заполнены неправильно.',
    [ErrorCode.unavailable]: 'Сервер сейчас не может принять замечание; попробуйте чуть позже.',
  },
}

/**
 * A refusal of a public request in the person's language: by field for a form that does
 * not validate (`details` as `parse` gives them), else by error code.
 */
export const publicErrorMessage = (
  language: Language,
  code: string,
  fallback: string,
  details?: unknown,
): string => {
  if (code === ErrorCode.validation && Array.isArray(details)) {
    const fields = [
      ...new Set(details.map((d) => String((d as { path?: string }).path ?? '').split('.')[0])),
    ]
    const said = fields.map((f) => FIELD_MESSAGES[language][f ?? '']).filter(Boolean)
    if (said.length > 0) return said.join(' ')
  }
  return CODE_MESSAGES[language][code as ErrorCode] ?? fallback
}
