import { strToU8, type Zippable, zipSync } from 'fflate'
import { element as e, xmlDocument } from '../xml.js'
import { ODT_MEDIA_TYPE } from './odtNamespaces.js'

const PARTS = ['content.xml', 'styles.xml', 'meta.xml'] as const

const manifest = (): string =>
  xmlDocument(
    e(
      'manifest:manifest',
      {
        'xmlns:manifest': 'urn:oasis:names:tc:opendocument:xmlns:manifest:1.0',
        'manifest:version': '1.3',
      },
      e('manifest:file-entry', {
        'manifest:full-path': '/',
        'manifest:version': '1.3',
        'manifest:media-type': ODT_MEDIA_TYPE,
      }),
      PARTS.map((path) =>
        e('manifest:file-entry', { 'manifest:full-path': path, 'manifest:media-type': 'text/xml' }),
      ),
    ),
  )

/**
 * The ODF package: a zip whose first entry is `mimetype`, stored uncompressed, so that tools
 * recognise the format from the file's first bytes (ODF 1.3 part 2, section 3.3).
 */
export const odtPackage = (
  parts: Record<(typeof PARTS)[number], string>,
  modified: Date,
): Uint8Array => {
  const files: Zippable = {
    mimetype: [strToU8(ODT_MEDIA_TYPE), { level: 0 }],
    'META-INF/manifest.xml': strToU8(manifest()),
  }
  for (const path of PARTS) files[path] = strToU8(parts[path])
  return zipSync(files, { level: 6, mtime: modified })
}
