import { describe, expect, it } from 'vitest'
import { ApiError, NETWORK_ERROR } from '../app/api'
import { isUnreachable } from './unreachable'

describe('isUnreachable', () => {
  it('is true when no answer came or a gateway answered for a server that is down', () => {
    expect(isUnreachable(new ApiError(0, NETWORK_ERROR, 'Failed to fetch'))).toBe(true)
    for (const status of [502, 503, 504]) {
      expect(isUnreachable(new ApiError(status, NETWORK_ERROR, `HTTP ${status}`))).toBe(true)
    }
  })

  it('is false for any answer of the server itself, above all a 401', () => {
    expect(isUnreachable(new ApiError(401, 'unauthenticated', 'Sign in'))).toBe(false)
    expect(isUnreachable(new ApiError(404, 'not_found', 'No such document'))).toBe(false)
    expect(isUnreachable(new ApiError(503, 'unavailable', 'Try again'))).toBe(false)
    expect(isUnreachable(new ApiError(500, NETWORK_ERROR, 'HTTP 500'))).toBe(false)
    expect(isUnreachable(new Error('other'))).toBe(false)
  })
})
