import { runTool, withFile } from './withFile.js'

/**
 * XML read back with an independent tool: Debian's libxml2-utils (xmllint), as .ci/run
 * installs it. The Akoma Ntoso schema is the official OASIS one in ../shared beside the
 * repository (the same depth from src/ and dist/).
 */
const AKN_SCHEMA = new URL('../../../../shared/schemas/akn/akomantoso30.xsd', import.meta.url)

/** Validates against the official OASIS schema; throws with xmllint's messages when invalid. */
export const validateAkn = (xml: string): void => {
  withFile('export.xml', xml, (file) =>
    runTool('xmllint', ['--noout', '--nonet', '--schema', AKN_SCHEMA.pathname, file]),
  )
}

/** Throws unless the XML is well-formed. */
export const checkWellFormed = (xml: string | Uint8Array): void => {
  withFile('part.xml', xml, (file) => runTool('xmllint', ['--noout', '--nonet', file]))
}

/** The string value of an XPath 1.0 expression over the XML, as xmllint computes it. */
export const xpathString = (xml: string, expression: string): string =>
  withFile('doc.xml', xml, (file) =>
    // xmllint ends its answer with a newline of its own.
    runTool('xmllint', ['--nonet', '--xpath', `string(${expression})`, file]).replace(/\n$/, ''),
  )
