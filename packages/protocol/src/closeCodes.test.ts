import { describe, expect, it } from 'vitest'
import { CloseCode } from './closeCodes.js'

/** y-websocket 3.1's default `shouldReconnect`: 4400–4499 are final, everything else is retried. */
const stockProviderReconnects = (code: number) => !(code >= 4400 && code < 4500)

/**
 * The audit of every close code: whether the stock provider comes back, and whether it should.
 * It should when reconnecting can help (the server restarts, a document that failed to load,
 * "try again later"), and not when the same would happen again (a session that ended, a
 * document that is gone, a message the server refuses and the client would send again).
 */
const shouldReconnect: Record<keyof typeof CloseCode, boolean> = {
  normal: true,
  goingAway: true,
  tryAgainLater: true,
  badMessage: false,
  unauthorized: false,
  forbidden: false,
  notFound: false,
  tooLarge: false,
  missingDependencies: false,
  unavailable: true,
}

describe('close codes', () => {
  it.each(Object.entries(shouldReconnect))(
    '%s: the stock provider reconnects only when it should',
    (name, expected) => {
      const { code } = CloseCode[name as keyof typeof CloseCode]
      expect(stockProviderReconnects(code)).toBe(expected)
    },
  )

  it('nothing a well-behaved client can run into by sending fast is final', () => {
    expect(stockProviderReconnects(CloseCode.tryAgainLater.code)).toBe(true)
    expect(Object.values(CloseCode).map((c) => c.code)).not.toContain(4429)
  })
})
