import type { ExportFormat, SuggestionMode } from '@accord/protocol'

/** The export endpoint for a document's current text or one of its versions. */
export const exportUrl = (
  documentId: string,
  format: ExportFormat,
  options: { versionId?: string; comments?: boolean; suggestions?: SuggestionMode } = {},
): string => {
  const query = new URLSearchParams({ format })
  if (options.versionId) query.set('version', options.versionId)
  if (options.comments) query.set('comments', 'open')
  // `clean` is the server's default; the URL names only the review copy.
  if (options.suggestions === 'tracked') query.set('suggestions', 'tracked')
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query}`
}
