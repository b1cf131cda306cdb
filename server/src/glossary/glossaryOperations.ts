import { bindContext } from '../bindContext.js'
import { addGlossaryEntry } from './addGlossaryEntry.js'
import type { GlossaryContext } from './GlossaryContext.js'
import { importGlossary } from './importGlossary.js'
import { exportGlossary, listGlossary } from './readGlossary.js'
import { deleteGlossaryEntry, updateGlossaryEntry } from './updateGlossaryEntry.js'

/** What people do with the installation's glossary, one operation each. */
export const glossaryOperations = (ctx: GlossaryContext) => {
  const bind = <A extends unknown[], R>(op: (c: typeof ctx, ...args: A) => R) =>
    bindContext(ctx, op)
  return {
    list: bind(listGlossary),
    add: bind(addGlossaryEntry),
    update: bind(updateGlossaryEntry),
    delete: bind(deleteGlossaryEntry),
    import: bind(importGlossary),
    export: bind(exportGlossary),
  }
}

export type GlossaryOperations = ReturnType<typeof glossaryOperations>
