import { ErrorCode } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { NETWORK_ERROR } from '../app/api'
import en from './en.json'
import enMore from './en.more.json'
import ru from './ru.json'
import ruMore from './ru.more.json'

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
  it('have the same keys in Russian and English, in the same namespaces', () => {
    expect(missing(en, ru), 'keys missing in ru.json').toEqual([])
    expect(missing(ru, en), 'keys missing in en.json').toEqual([])
    expect(missing(enMore, ruMore), 'keys missing in ru.more.json').toEqual([])
    expect(missing(ruMore, enMore), 'keys missing in en.more.json').toEqual([])
  })

  it('keep each group of strings in one namespace', () => {
    const first = new Set(Object.keys(en))
    expect(Object.keys(enMore).filter((group) => first.has(group))).toEqual([])
  })

  it('have no empty strings', () => {
    for (const tree of [en, ru, enMore, ruMore]) {
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
