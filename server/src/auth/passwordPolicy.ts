import { ErrorCode } from '@accord/protocol'
import { invalid } from '../errors/DomainError.js'
import { COMMON_PASSWORDS_TEXT } from './commonPasswords.gen.js'

/** Compared the way people mistype them: Unicode-normalised, case ignored. */
const normalise = (text: string): string => text.normalize('NFKC').toLowerCase()

let common: Set<string> | undefined
/** Built on first use: ten thousand short strings, well under a megabyte. */
const commonPasswords = (): Set<string> => {
  common ??= new Set(COMMON_PASSWORDS_TEXT.split('\n'))
  return common
}

/** Words that belong to this installation or this person and make a password easy to guess. */
export interface PasswordContext {
  email?: string
  name?: string
}

/** Letters and digits only, so `Accord-2024!` and `accord2024` count as the same guess. */
const skeleton = (text: string): string => normalise(text).replace(/[^\p{L}\p{N}]+/gu, '')

const APP_WORDS = ['accord', 'accordaccord', 'password', 'secretariat']

/**
 * Why a new password is refused, or undefined when it is acceptable. Length is checked by
 * the request schema (8 to 256); this adds OWASP ASVS 5.0 6.2.4 (not among the 10,000 most
 * common passwords that meet our length rule) and 6.2.11 (not the person's email, name or
 * the application's own name, give or take digits and punctuation).
 */
export const passwordWeakness = (
  password: string,
  context: PasswordContext = {},
): string | undefined => {
  if (commonPasswords().has(normalise(password))) {
    return 'This password is one of the most common ones; choose another, such as a few unrelated words'
  }
  const letters = skeleton(password).replace(/\p{N}+/gu, '')
  const email = context.email ? normalise(context.email) : ''
  const guesses = [
    ...APP_WORDS,
    skeleton(email),
    skeleton(email.split('@')[0] ?? ''),
    skeleton(context.name ?? ''),
  ].filter((word) => word.length >= 3)
  if (guesses.includes(letters) || guesses.includes(skeleton(password))) {
    return 'This password is too easy to guess from your name, email or the application'
  }
  return undefined
}

/** Throws `weak_password` (invalid input) when a new password is refused. */
export const assertStrongPassword = (password: string, context: PasswordContext = {}): void => {
  const reason = passwordWeakness(password, context)
  if (reason) throw invalid(reason, ErrorCode.weakPassword)
}
