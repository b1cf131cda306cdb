import type { DocumentInfo } from '@accord/protocol'
import { useEffect, useState } from 'react'
import { api } from '../../app/api'

/**
 * How many translations a source has, so naming a version can offer to name the same version
 * in every language; 0 for a translation, or while unknown (the offer then stays hidden).
 */
export const useTranslationCount = (document: DocumentInfo): number => {
  const [count, setCount] = useState(0)
  const { id, sourceDocumentId } = document
  useEffect(() => {
    if (sourceDocumentId !== null) return
    let current = true
    api.languages(id).then(
      ({ translations }) => current && setCount(translations.length),
      () => undefined,
    )
    return () => {
      current = false
    }
  }, [id, sourceDocumentId])
  return count
}
