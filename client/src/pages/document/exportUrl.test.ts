import { describe, expect, it } from 'vitest'
import { exportUrl } from './exportUrl'

describe('exportUrl', () => {
  it('names the review copy with suggestions and leaves the clean default out', () => {
    expect(exportUrl('d1', 'docx')).toBe('/api/documents/d1/export?format=docx')
    expect(exportUrl('d1', 'docx', { suggestions: 'clean' })).toBe(
      '/api/documents/d1/export?format=docx',
    )
    expect(
      exportUrl('d 1', 'pdf', { versionId: 'v1', comments: true, suggestions: 'tracked' }),
    ).toBe('/api/documents/d%201/export?format=pdf&version=v1&comments=open&suggestions=tracked')
  })
})
