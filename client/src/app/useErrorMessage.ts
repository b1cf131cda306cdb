import { ErrorCode } from '@accord/protocol'
import { useCallback } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError, NETWORK_ERROR } from './api'

type KnownCode = ErrorCode | typeof NETWORK_ERROR
const knownCodes = new Set<string>([...Object.values(ErrorCode), NETWORK_ERROR])
const isKnownCode = (code: string): code is KnownCode => knownCodes.has(code)

/** Turns a failed call into a sentence in the UI language: the error code's translation, else the server's message. */
export const useErrorMessage = (): ((error: unknown) => string) => {
  const { t, i18n } = useTranslation()
  return useCallback(
    (error: unknown) => {
      if (error instanceof ApiError) {
        // A refused import says why: not what its name says, protected, too large…
        const reason = (error.details as { reason?: unknown } | undefined)?.reason
        if (typeof reason === 'string' && i18n.exists(`import.refusal.${reason}`))
          return t(`import.refusal.${reason}` as 'import.refusal.empty_file')
        return isKnownCode(error.code) ? t(`errors.${error.code}`) : error.message
      }
      return t('errors.internal')
    },
    [t, i18n],
  )
}
