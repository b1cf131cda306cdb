import type { ExportFormat } from '@accord/protocol'

export { EXPORT_FORMATS, type ExportFormat } from '@accord/protocol'

/** The media type and file extension of each format. */
export const FORMAT_FILES: Record<ExportFormat, { contentType: string; extension: string }> = {
  docx: {
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extension: 'docx',
  },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', extension: 'odt' },
  pdf: { contentType: 'application/pdf', extension: 'pdf' },
  html: { contentType: 'text/html; charset=utf-8', extension: 'html' },
  md: { contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  // Akoma Ntoso has no registered media type of its own; it is XML.
  akn: { contentType: 'application/xml; charset=utf-8', extension: 'akn.xml' },
}
