import {
  BLOCK_SUGGESTION_ATTR,
  isSuggestionKind,
  type SuggestionAttrs,
  wellFormedAttribution,
} from '@accord/schema'
import * as Y from 'yjs'

/**
 * The attribution of every suggestion a document holds, by suggestion id, read from its Yjs
 * structs (formats and block attributes) when first asked and again only after the document
 * changed. Asked only for updates that write an attribution that is not plainly the sender's
 * own, so a refused forgery, however often repeated, costs one reading of the document.
 */
export class KnownSuggestions {
  private index: Map<string, SuggestionAttrs> | undefined

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.invalidate)
  }

  get(id: string): SuggestionAttrs | undefined {
    this.index ??= this.read()
    return this.index.get(id)
  }

  destroy(): void {
    this.doc.off('update', this.invalidate)
    this.index = undefined
  }

  private readonly invalidate = (): void => {
    this.index = undefined
  }

  private read(): Map<string, SuggestionAttrs> {
    const index = new Map<string, SuggestionAttrs>()
    for (const structs of this.doc.store.clients.values()) {
      for (const struct of structs) {
        if (!(struct instanceof Y.Item) || struct.deleted) continue
        const { content } = struct
        let value: unknown
        if (content instanceof Y.ContentFormat) {
          if (isSuggestionKind(content.key.split('--')[0] as string)) value = content.value
        } else if (struct.parentSub === BLOCK_SUGGESTION_ATTR && content instanceof Y.ContentAny) {
          value = content.arr.at(-1)
        }
        const attrs = value ? wellFormedAttribution(value) : null
        if (attrs && !index.has(attrs.id)) index.set(attrs.id, attrs)
      }
    }
    return index
  }
}
