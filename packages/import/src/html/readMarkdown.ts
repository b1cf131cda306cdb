import MarkdownIt, { type PluginSimple } from 'markdown-it'
import footnote from 'markdown-it-footnote'
import type { SourceDocument } from '../SourceDocument.js'
import { readHtml } from './readHtml.js'

// CommonMark with GitHub's tables and strike-through (markdown-it's defaults), autolinks and
// footnotes. Raw HTML in the Markdown stays text: it is never rendered.
const markdown = new MarkdownIt('default', { html: false, linkify: true }).use(
  // The plugin's types are written against an older markdown-it typing; the plugin itself is current.
  footnote as unknown as PluginSimple,
)

/** Markdown → source blocks, through the HTML reader (so both keep the same things). */
export const readMarkdown = (text: string): SourceDocument => readHtml(markdown.render(text))
