import fs from 'node:fs'

/** A shared sample text (../shared/samples beside the repository, as the other packages read it). */
export const sampleText = (name: string): Uint8Array =>
  new Uint8Array(fs.readFileSync(new URL(`../../../../../shared/samples/${name}`, import.meta.url)))
