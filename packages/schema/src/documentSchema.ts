import { getSchema } from '@tiptap/core'
import type { Schema } from '@tiptap/pm/model'
import { documentExtensions } from './extensions.js'

let cached: Schema | undefined

/** The ProseMirror schema built from the document extensions, built once. */
export const documentSchema = (): Schema => {
  cached ??= getSchema(documentExtensions())
  return cached
}
