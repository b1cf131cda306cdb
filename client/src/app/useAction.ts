import { useCallback, useState } from 'react'
import { useErrorMessage } from './useErrorMessage'

export interface Action {
  /** True while the action runs; forms disable their submit button. */
  busy: boolean
  /** The translated error of the last run, or null. */
  error: string | null
  /** Runs `work`, recording its error; resolves to true when it succeeded. */
  run: (work: () => Promise<unknown>) => Promise<boolean>
}

/** State for one user-triggered API call: busy flag and translated error. */
export const useAction = (): Action => {
  const errorMessage = useErrorMessage()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const run = useCallback(
    async (work: () => Promise<unknown>) => {
      setBusy(true)
      setError(null)
      try {
        await work()
        return true
      } catch (failure) {
        setError(errorMessage(failure))
        return false
      } finally {
        setBusy(false)
      }
    },
    [errorMessage],
  )
  return { busy, error, run }
}
