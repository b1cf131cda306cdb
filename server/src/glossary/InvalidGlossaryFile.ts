/** Why a file could not be read as a glossary. */
export class InvalidGlossaryFile extends Error {}
