import { preloadLinkDetection } from './links/LinkDetection'
import { preloadTableEditing } from './tables/TableEditing'

/**
 * Fetches the editing code kept off the way to a document's first keystroke (table editing,
 * the finding of web addresses), once the text is shown: ahead of need, not in its way.
 */
export const preloadEditingCode = (): void => {
  preloadTableEditing()
  void preloadLinkDetection()
}
