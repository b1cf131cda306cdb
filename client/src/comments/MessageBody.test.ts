import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { MessageBody } from './MessageBody'

const render = (text: string) => renderToStaticMarkup(createElement(MessageBody, { text }))

describe('a comment body', () => {
  it('shows markup as text, never as elements', () => {
    const html = render('<img src=x onerror=alert(1)> <script>alert(2)</script> & more')
    expect(html).not.toContain('<img')
    expect(html).not.toContain('<script')
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;')
    expect(html).toContain('&amp; more')
  })

  it('makes web and mail addresses clickable, safely, and nothing else', () => {
    const html = render(
      'See https://ombudsman.example/report and write to a@b.org; not javascript:alert(1)',
    )
    expect(html).toContain(
      '<a href="https://ombudsman.example/report" target="_blank" rel="noopener noreferrer nofollow">',
    )
    expect(html).toContain('href="mailto:a@b.org"')
    expect(html).not.toContain('href="javascript:')
  })
})
