import type { ExportFormat } from '@accord/export/formats'

/** The export endpoint for a document's current text or one of its versions. */
export const exportUrl = (
  documentId: string,
  format: ExportFormat,
  options: { versionId?: string; comments?: boolean } = {},
): string => {
  const query = new URLSearchParams({ format })
  if (options.versionId) query.set('version', options.versionId)
  if (options.comments) query.set('comments', 'open')
  return `/api/documents/${encodeURIComponent(documentId)}/export?${query}`
}
