import { ErrorCode } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { NETWORK_ERROR } from '../app/api'
import en from './en.json'
import ru from './ru.json'

type Tree = { [key: string]: string | Tree }

/** Every leaf key as a dotted path, e.g. `documents.create`. */
const keysOf = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`),
  )

/** Plural forms differ by language (ru: one/few/many, en: one/other); compare the base key. */
const basePluralKey = (key: string) => key.replace(/_(zero|one|two|few|many|other)$/, '')

const missing = (from: Tree, to: Tree): string[] => {
  const present = new Set(keysOf(to).map(basePluralKey))
  return [...new Set(keysOf(from).map(basePluralKey))].filter((key) => !present.has(key))
}

describe('translations', () => {
  it('have the same keys in Russian and English', () => {
    expect(missing(en, ru), 'keys missing in ru.json').toEqual([])
    expect(missing(ru, en), 'keys missing in en.json').toEqual([])
  })

  it('have no empty strings', () => {
    for (const tree of [en, ru]) {
      const empty = keysOf(tree).filter((key) => {
        const value = key
          .split('.')
          .reduce<Tree | string | undefined>(
            (node, part) => (typeof node === 'object' ? node[part] : undefined),
            tree,
          )
        return typeof value !== 'string' || value.trim() === ''
      })
      expect(empty).toEqual([])
    }
  })

  it('translate every error code the server can send', () => {
    const codes = [...Object.values(ErrorCode), NETWORK_ERROR]
    const translated = new Set(Object.keys(en.errors))
    expect(codes.filter((code) => !translated.has(code))).toEqual([])
  })
})
