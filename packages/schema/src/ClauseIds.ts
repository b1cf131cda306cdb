import { Extension } from '@tiptap/core'
import { clauseIdPlugin } from './clauseIdPlugin.js'

/** Registers `clauseIdPlugin`, so every editor built from `documentExtensions()` keeps ids unique. */
export const ClauseIds = Extension.create({
  name: 'clauseIds',
  addProseMirrorPlugins: () => [clauseIdPlugin()],
})
