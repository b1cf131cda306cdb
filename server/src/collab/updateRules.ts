/**
 * What any update may write, whoever sends it. Checked on the trial (the scratch copy with
 * the update applied, see ScratchCopy) before the live document takes it:
 * - only the document's two shared types: the body (`default`) and the settings map;
 * - settings: known keys with known values only, and only from someone who may change them
 *   (`canChangeSettings`: not a member in review);
 * - in the body, only the shapes the editor's Yjs binding writes: elements the schema knows
 *   (in the body or in an element), text in elements, strings and known marks in text, plain
 *   values as element attributes. Anything else every editor would drop, or fail to show.
 * Returns the suggestion attributions the update writes, for suggestionAttribution.
 * Cost: the types the update changed and the structs it added, never the whole document.
 */
import {
  BLOCK_SUGGESTION_ATTR,
  BODY_FRAGMENT,
  documentSchema,
  isSuggestionKind,
  isValidSetting,
  SETTINGS_MAP,
} from '@accord/schema'
import * as Y from 'yjs'
import { newItems } from './newItems.js'
import { RefusedUpdateError } from './RefusedUpdateError.js'
import type { Trial } from './ScratchCopy.js'

/** A suggestion's attribution as an update writes it: a mark's attributes or a block's `suggestion`. */
export interface AttributionWrite {
  /** The struct that holds it (the same id in the live document once applied). */
  id: Y.ID
  kind: 'mark' | 'block'
  /** The format key for a mark: its name, or `name--hash` for a mark that may overlap itself. */
  key: string
  value: unknown
}

type AnyType = Y.AbstractType<unknown>

const rootOf = (type: AnyType): AnyType => {
  let root = type
  while (root._item) root = root._item.parent as AnyType
  return root
}

/** y-prosemirror names the format of a mark that may overlap itself `name--hash`. */
const markNameOf = (key: string): string => key.split('--')[0] as string

const refuseShape = (what: string): never => {
  throw new RefusedUpdateError('bodyShape', what)
}

/** Checks one struct the update added to the body; returns the attribution it writes, if any. */
const checkBodyStruct = (
  item: Y.Item,
  body: Y.XmlFragment,
): Omit<AttributionWrite, 'id'> | undefined => {
  const schema = documentSchema()
  const parent = item.parent as AnyType
  const content = item.content
  if (parent instanceof Y.XmlText) {
    if (content instanceof Y.ContentString) return undefined
    if (!(content instanceof Y.ContentFormat))
      return refuseShape('text holds something else than text')
    const name = markNameOf(content.key)
    if (!schema.marks[name]) refuseShape(`unknown mark "${name.slice(0, 64)}"`)
    if (!isSuggestionKind(name) || content.value === null) return undefined
    return { kind: 'mark', key: content.key, value: content.value }
  }
  if (item.parentSub !== null) {
    if (!(parent instanceof Y.XmlElement) || !(content instanceof Y.ContentAny))
      return refuseShape('an attribute that is not a plain value')
    if (item.parentSub !== BLOCK_SUGGESTION_ATTR) return undefined
    const value = content.arr.at(-1)
    return value === null || value === undefined
      ? undefined
      : { kind: 'block', key: BLOCK_SUGGESTION_ATTR, value }
  }
  if (content instanceof Y.ContentType) {
    const child = content.type
    if (child instanceof Y.XmlText && parent !== body) return undefined
    if (
      child instanceof Y.XmlElement &&
      child.nodeName !== schema.topNodeType.name &&
      child.nodeName !== 'text' &&
      schema.nodes[child.nodeName]
    ) {
      return undefined
    }
  }
  return refuseShape('an element the schema does not know, or text outside an element')
}

/**
 * Throws RefusedUpdateError when the trial's update breaks a rule; returns the suggestion
 * attributions it writes. `maySetSettings`: `canChangeSettings` for the sender. `benchMap`:
 * the name of a root map anyone who may edit may write plain values to (BENCH_MAP, set for
 * the load benchmark only).
 */
export const checkUpdateRules = (
  trial: Trial,
  maySetSettings: boolean,
  benchMap?: string,
): AttributionWrite[] => {
  const { copy, transaction } = trial
  const body = copy.getXmlFragment(BODY_FRAGMENT)
  const settings = copy.getMap<unknown>(SETTINGS_MAP)
  const settingsType = settings as unknown as AnyType
  const bench = benchMap ? copy.getMap<unknown>(benchMap) : undefined
  for (const [changed, keys] of transaction.changed) {
    const type = changed as unknown as AnyType
    const root = rootOf(type)
    if (root === (body as unknown as AnyType)) continue
    if (bench && type === (bench as unknown as AnyType)) {
      for (const key of keys) {
        if (key === null || bench.get(key) instanceof Y.AbstractType)
          throw new RefusedUpdateError('sharedType', 'only plain values in the bench map')
      }
      continue
    }
    if (root !== settingsType) {
      const name = Y.findRootTypeKey(root).slice(0, 64)
      throw new RefusedUpdateError('sharedType', `writes to the shared type "${name}"`)
    }
    if (!maySetSettings) throw new RefusedUpdateError('settings', 'may not change the settings now')
    if (type !== settingsType)
      throw new RefusedUpdateError('settings', 'a shared type inside settings')
    for (const key of keys) {
      const value = key === null ? null : settings.get(key)
      if (key === null || (value !== undefined && !isValidSetting(key, value)))
        throw new RefusedUpdateError('settings', `not a setting: ${String(key).slice(0, 64)}`)
    }
  }

  const writes: AttributionWrite[] = []
  for (const item of newItems(copy, transaction)) {
    if (item.deleted || rootOf(item.parent as AnyType) !== (body as unknown as AnyType)) continue
    const write = checkBodyStruct(item, body)
    if (write) writes.push({ id: item.id, ...write })
  }
  return writes
}
