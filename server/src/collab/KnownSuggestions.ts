import {
  BLOCK_SUGGESTION_ATTR,
  isSuggestionKind,
  type SuggestionAttrs,
  wellFormedAttribution,
} from '@accord/schema'
import * as Y from 'yjs'
import { newItems } from './newItems.js'

/**
 * The attribution of every suggestion a document holds, by suggestion id, read from its Yjs
 * structs (formats and block attributes) when first asked, then kept up to date from each
 * transaction's new structs, so a lookup costs what the last update added. An entry stays
 * when its suggestion is deleted afterwards: that id cannot be taken over with another name
 * either.
 */
export class KnownSuggestions {
  private index: Map<string, SuggestionAttrs> | undefined

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.follow)
  }

  get(id: string): SuggestionAttrs | undefined {
    if (!this.index) {
      this.index = new Map()
      for (const structs of this.doc.store.clients.values()) {
        for (const struct of structs) this.record(struct)
      }
    }
    return this.index.get(id)
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.follow)
    this.index = undefined
  }

  private readonly follow = (transaction: Y.Transaction): void => {
    if (!this.index) return
    for (const item of newItems(this.doc, transaction)) this.record(item)
  }

  private record(struct: Y.Item | Y.GC): void {
    if (!(struct instanceof Y.Item) || struct.deleted) return
    const { content } = struct
    let value: unknown
    if (content instanceof Y.ContentFormat) {
      if (isSuggestionKind(content.key.split('--')[0] as string)) value = content.value
    } else if (struct.parentSub === BLOCK_SUGGESTION_ATTR && content instanceof Y.ContentAny) {
      value = content.arr.at(-1)
    }
    const attrs = value ? wellFormedAttribution(value) : null
    if (attrs) this.index?.set(attrs.id, attrs)
  }
}
