import { describe, expect, it } from 'vitest'
import { saveStateOf } from './saveState'

describe('saveStateOf', () => {
  it('says saved when the server has every change, whatever the connection', () => {
    expect(saveStateOf({ unsynced: false, connected: true, serverFailing: false })).toBe('saved')
    expect(saveStateOf({ unsynced: false, connected: false, serverFailing: false })).toBe('saved')
  })

  it('tells sending from waiting for the connection', () => {
    expect(saveStateOf({ unsynced: true, connected: true, serverFailing: false })).toBe('saving')
    expect(saveStateOf({ unsynced: true, connected: false, serverFailing: false })).toBe('offline')
  })

  it('puts a failing server first: the person should know even when this tab is up to date', () => {
    expect(saveStateOf({ unsynced: false, connected: true, serverFailing: true })).toBe('failing')
  })
})
