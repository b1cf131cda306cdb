import type { AnyExtension } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'

/**
 * The extensions that define an Accord document. The client's editor and the
 * server's headless conversions use this one list, so they never disagree on
 * what a document may contain.
 *
 * Undo/redo is left out: with Yjs, history belongs to the collaboration layer
 * (each person undoes only their own changes).
 */
export const documentExtensions = (): AnyExtension[] => [
  StarterKit.configure({
    undoRedo: false,
    link: {
      openOnClick: false,
      autolink: true,
      // Only these protocols become links; `javascript:` and `data:` never do.
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && /^(https?:|mailto:|#|\/)/i.test(url),
    },
  }),
]
