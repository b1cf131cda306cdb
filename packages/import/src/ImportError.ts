/**
 * Why a file cannot be imported. `reason` is stable and translated by the client; the
 * message says it in English for scripts and logs.
 */
export const ImportRefusal = {
  empty: 'empty_file',
  unknownType: 'unknown_type',
  notWhatItSays: 'not_what_it_says',
  passwordProtected: 'password_protected',
  legacyWord: 'legacy_word',
  zipBomb: 'zip_bomb',
  brokenPackage: 'broken_package',
  externalEntities: 'xml_entities',
  badXml: 'bad_xml',
  notUtf8: 'not_utf8',
  tooLarge: 'too_large',
} as const
export type ImportRefusal = (typeof ImportRefusal)[keyof typeof ImportRefusal]

const MESSAGES: Record<ImportRefusal, string> = {
  empty_file: 'The file is empty.',
  unknown_type: 'Only .docx, .odt, .md and .html files can be imported.',
  not_what_it_says: 'The file is not what its name says: its contents are not of that type.',
  password_protected: 'The file is protected with a password; save it without one and try again.',
  legacy_word: 'This is an old Word (.doc) file; save it as .docx and try again.',
  zip_bomb: 'The file unpacks to far more than a document holds; it was not opened.',
  broken_package: 'The file is damaged: parts it refers to are missing.',
  xml_entities:
    'The file declares XML entities or a DTD, which documents never need; it was not read.',
  bad_xml: 'The file is damaged: its XML cannot be read.',
  not_utf8: 'The text file is not UTF-8; save it as UTF-8 and try again.',
  too_large: 'The file is larger than the import limit.',
}

export class ImportError extends Error {
  constructor(
    readonly reason: ImportRefusal,
    detail?: string,
  ) {
    super(detail ? `${MESSAGES[reason]} (${detail})` : MESSAGES[reason])
  }
}
