import { CloseCode } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { stopReasonForClose, stopReasonForStatus } from './stopReason'

describe('stopReasonForClose', () => {
  it('stops on an ended session, revoked access and an unknown document', () => {
    expect(stopReasonForClose(CloseCode.unauthorized.code)).toBe('unauthorized')
    expect(stopReasonForClose(CloseCode.forbidden.code)).toBe('forbidden')
    expect(stopReasonForClose(CloseCode.notFound.code)).toBe('notFound')
  })

  it('stops when the server refused what this tab sent: it would send it again', () => {
    expect(stopReasonForClose(CloseCode.badMessage.code)).toBe('rejected')
    expect(stopReasonForClose(CloseCode.tooLarge.code)).toBe('rejected')
    // Its edits build on changes the server never got, though it was asked for them.
    expect(stopReasonForClose(CloseCode.missingDependencies.code)).toBe('rejected')
    // A frame over MAX_MESSAGE_BYTES: ws closes with the RFC's own code.
    expect(stopReasonForClose(1009)).toBe('rejected')
  })

  it('keeps reconnecting after network trouble, shutdown, "try again later" and load failures', () => {
    for (const code of [1001, 1006, CloseCode.tryAgainLater.code, CloseCode.unavailable.code]) {
      expect(stopReasonForClose(code)).toBeNull()
    }
  })
})

describe('stopReasonForStatus', () => {
  it('reads a refused upgrade the same way as the close codes', () => {
    expect(stopReasonForStatus(401)).toBe('unauthorized')
    expect(stopReasonForStatus(403)).toBe('forbidden')
    expect(stopReasonForStatus(404)).toBe('notFound')
    expect(stopReasonForStatus(500)).toBeNull()
  })
})
