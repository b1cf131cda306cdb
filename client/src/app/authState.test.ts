import type { User } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { afterSessionEnded } from './authState'

const anna = { id: 'u1', name: 'Anna', email: 'anna@example.org', role: 'member' } as User

describe('the session ended by the server', () => {
  it('signs out with the notice, and a second word of it keeps the notice', () => {
    const ended = afterSessionEnded({ user: anna }, false)
    expect(ended).toEqual({ user: null, ended: true })
    // The socket's close and a refused request both report it, in either order.
    expect(afterSessionEnded(ended, false)).toEqual({ user: null, ended: true })
  })

  it('gives no notice to the tab that signed out, nor before anyone was known', () => {
    expect(afterSessionEnded({ user: anna }, true)).toEqual({ user: null, ended: false })
    expect(afterSessionEnded('loading', false)).toEqual({ user: null, ended: false })
    expect(afterSessionEnded({ user: null }, false)).toEqual({ user: null })
  })
})
