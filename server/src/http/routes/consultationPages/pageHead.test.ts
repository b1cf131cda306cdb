import { describe, expect, it } from 'vitest'
import { pageHead } from './pageHead.js'
import { PAGE_HEADERS } from './sendPage.js'

/** The head as name → values. */
const headers = (head: readonly string[]) => {
  const found = new Map<string, string[]>()
  for (let i = 0; i < head.length; i += 2) {
    const name = head[i] as string
    found.set(name, [...(found.get(name) ?? []), head[i + 1] as string])
  }
  return found
}

describe('the head of a kept consultation page', () => {
  it("is the app's helmet headers with the public pages' own in their place, each once", () => {
    const head = headers(pageHead({ publicOrigin: 'http://127.0.0.1:3000' }))
    const { vary, ...others } = PAGE_HEADERS
    for (const [name, value] of Object.entries(others)) expect(head.get(name)).toEqual([value])
    expect(head.get('x-content-type-options')).toEqual(['nosniff'])
    expect(head.get('x-frame-options')).toEqual(['SAMEORIGIN'])
    expect(head.get('cross-origin-opener-policy')).toEqual(['same-origin'])
    expect(head.get('vary')).toEqual([`Accept-Encoding, ${vary}`])
    expect(head.has('strict-transport-security')).toBe(false)
    expect(head.has('x-powered-by')).toBe(false)
    for (const values of head.values()) expect(values).toHaveLength(1)
  })

  it('carries HSTS behind https, as helmet gives every answer there', () => {
    const head = headers(pageHead({ publicOrigin: 'https://accord.example.org' }))
    expect(head.get('strict-transport-security')?.[0]).toMatch(/^max-age=\d+/)
    expect(head.get('content-security-policy')).toEqual([PAGE_HEADERS['content-security-policy']])
  })
})
