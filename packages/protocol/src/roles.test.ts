import { describe, expect, it } from 'vitest'
import { canChangeSettings, canChangeStatus, canEditText } from './roles.js'

describe('roles', () => {
  it('lets members and up edit text, never on a final document', () => {
    expect(canEditText('observer', 'draft')).toBe(false)
    expect(canEditText('member', 'draft')).toBe(true)
    expect(canEditText('member', 'review')).toBe(true)
    expect(canEditText('secretariat', 'final')).toBe(false)
  })

  it('lets coordinators move draft and review, and only the secretariat finalize or reopen', () => {
    expect(canChangeStatus('member', 'draft', 'review')).toBe(false)
    expect(canChangeStatus('coordinator', 'draft', 'review')).toBe(true)
    expect(canChangeStatus('coordinator', 'review', 'draft')).toBe(true)
    expect(canChangeStatus('coordinator', 'review', 'final')).toBe(false)
    expect(canChangeStatus('secretariat', 'review', 'final')).toBe(true)
    expect(canChangeStatus('coordinator', 'final', 'draft')).toBe(false)
    expect(canChangeStatus('secretariat', 'final', 'draft')).toBe(true)
  })

  it('leaves settings to coordinators and up in review; whoever edits may change them in a draft', () => {
    expect(canChangeSettings('member', 'draft')).toBe(true)
    expect(canChangeSettings('member', 'review')).toBe(false)
    expect(canChangeSettings('coordinator', 'review')).toBe(true)
    expect(canChangeSettings('observer', 'draft')).toBe(false)
    expect(canChangeSettings('secretariat', 'final')).toBe(false)
  })
})
