/**
 * Decides, from an update's decoded structs and the live document alone, that the update is a
 * plain edit of the body: one the trial on the scratch copy (ScratchCopy, updateRules) would
 * pass unchanged, so it may go straight to the live document. Typing, deleting, new
 * paragraphs, ordinary marks and element attributes are plain; anything else (settings,
 * suggestion attributions, other shared types, references the live document cannot resolve
 * yet, GC structs, unusual content) is "not decided" and takes the trial as before. The
 * answer is never "refuse": refusing stays the trial's job, so a hostile update meets
 * exactly the checks it met before.
 *
 * Why this is safe: Yjs throws halfway through an update only where an item cannot be placed
 * (a parent that is not a type, a neighbour that is not there yet or lies inside the item
 * itself). Here every item's neighbours and parent must resolve, before it, to an item of the
 * live document or an earlier struct of the update, both neighbours to the same parent; the
 * parent must be the body or an element or text inside it; and the content must be what
 * updateRules accepts there without an attribution to check. Deletions must fall on items in
 * the body. Cost: the update's structs and deleted ranges, never the whole document.
 */
import {
  BLOCK_SUGGESTION_ATTR,
  BODY_FRAGMENT,
  documentSchema,
  isSuggestionKind,
} from '@accord/schema'
import * as decoding from 'lib0/decoding'
import * as Y from 'yjs'
import type { DecodedUpdate } from './updateNeeds.js'

type AnyType = Y.AbstractType<unknown>

/**
 * Where a struct sits: a type in the body (or the bench's map, see BENCH_MAP), named by
 * identity: a live type, or the update's struct that creates it.
 */
interface Place {
  kind: 'body' | 'element' | 'text' | 'benchMap'
  key: object | string
}

/** What later structs of the update may need from an earlier one. */
interface Resolved {
  from: number
  to: number
  parent: Place
  parentSub: string | null
  /** The type this struct creates, when it holds one. */
  own?: Place
}

/** Not decided here: the caller takes the trial. */
class Undecided extends Error {}
function undecided(): never {
  throw new Undecided()
}

const markNameOf = (key: string): string => key.split('--')[0] as string

/** The live document's types a plain edit may write to. */
interface Targets {
  body: AnyType
  benchMap: AnyType | undefined
}

/** The place of a live type, when it is the body or lies inside it (or is the bench's map). */
const placeOfLive = (type: AnyType, { body, benchMap }: Targets): Place => {
  if (benchMap && type === benchMap) return { kind: 'benchMap', key: type }
  let root = type
  while (root._item) root = root._item.parent as AnyType
  if (root !== body) return undecided()
  if (type === body) return { kind: 'body', key: type }
  if (type instanceof Y.XmlText) return { kind: 'text', key: type }
  if (type instanceof Y.XmlElement) return { kind: 'element', key: type }
  return undecided()
}

/**
 * True when `update` (whose needs `doc` meets; `decoded` is its decoding) is a plain edit of
 * the body. `benchMap`: the name of the bench's root map (BENCH_MAP), when configured.
 */
export const isPlainEdit = (
  doc: Y.Doc,
  update: Uint8Array,
  decoded: DecodedUpdate,
  benchMap?: string,
): boolean => {
  try {
    // The decoding lists a client's structs as one run even when the update names the client
    // in two blocks, of which Yjs reads only the last: one block per client, or the trial.
    const clients = new Set(decoded.structs.map((struct) => struct.id.client))
    if (decoding.readVarUint(decoding.createDecoder(update)) !== clients.size) return false
    check(doc, decoded, benchMap)
    return true
  } catch {
    // Undecided, or something unexpected while reading: either way the trial judges it.
    return false
  }
}

const check = (doc: Y.Doc, { structs, ds }: DecodedUpdate, benchMapName?: string): void => {
  const store = doc.store
  const targets: Targets = {
    body: doc.getXmlFragment(BODY_FRAGMENT) as unknown as AnyType,
    benchMap: benchMapName ? (doc.getMap(benchMapName) as unknown as AnyType) : undefined,
  }
  const schema = documentSchema()
  const startState = new Map<number, number>()
  const stateOf = (client: number): number => {
    let state = startState.get(client)
    if (state === undefined) {
      state = Y.getState(store, client)
      startState.set(client, state)
    }
    return state
  }
  const resolved = new Map<number, Resolved[]>()
  /** The update's struct holding `id`, resolved earlier. Structs of a client come in clock order. */
  const findResolved = (id: Y.ID): Resolved => {
    const list = resolved.get(id.client) ?? []
    let low = 0
    let high = list.length - 1
    while (low <= high) {
      const mid = (low + high) >>> 1
      const r = list[mid] as Resolved
      if (id.clock < r.from) high = mid - 1
      else if (id.clock >= r.to) low = mid + 1
      else return r
    }
    undecided()
  }
  const liveItem = (id: Y.ID): Y.Item => {
    const item = Y.getItem(store, id)
    return item instanceof Y.Item ? item : undecided()
  }
  /** The parent and key of the struct at `id`: in the live document, or earlier in this update. */
  const neighbour = (id: Y.ID): { parent: Place; parentSub: string | null } => {
    if (id.clock < stateOf(id.client)) {
      const item = liveItem(id)
      return { parent: placeOfLive(item.parent as AnyType, targets), parentSub: item.parentSub }
    }
    return findResolved(id)
  }
  /** The type created by the struct at `id`. */
  const typeAt = (id: Y.ID): Place => {
    if (id.clock < stateOf(id.client)) {
      const item = liveItem(id)
      if (!(item.content instanceof Y.ContentType)) undecided()
      return placeOfLive(item.content.type as AnyType, targets)
    }
    return findResolved(id).own ?? undecided()
  }

  /** Where each client's new structs must continue: Yjs integrates them in one run from its state. */
  const frontier = new Map<number, number>()
  let lastClient: number | undefined
  for (const struct of structs) {
    const { client, clock } = struct.id
    // A client's structs in two runs of one update: Yjs would read only the last.
    if (client !== lastClient && frontier.has(client)) undecided()
    lastClient = client
    if (!frontier.has(client)) frontier.set(client, stateOf(client))
    if (struct instanceof Y.Skip) continue
    // Already held whole: Yjs does not integrate it.
    if (clock + struct.length <= stateOf(client)) continue
    // Partly held, after a gap, or a new GC struct: unusual, for the trial.
    if (clock !== frontier.get(client) || !(struct instanceof Y.Item)) undecided()
    frontier.set(client, clock + struct.length)

    let parent: Place
    let parentSub: string | null
    const left = struct.origin ? neighbour(struct.origin) : undefined
    const right = struct.rightOrigin ? neighbour(struct.rightOrigin) : undefined
    if (left && right) {
      if (left.parent.key !== right.parent.key || left.parentSub !== right.parentSub) undecided()
    }
    const side = left ?? right
    if (side) {
      parent = side.parent
      parentSub = side.parentSub
    } else if (typeof struct.parent === 'string') {
      const root =
        struct.parent === BODY_FRAGMENT
          ? targets.body
          : struct.parent === benchMapName
            ? targets.benchMap
            : undefined
      parent = root ? placeOfLive(root, targets) : undecided()
      parentSub = struct.parentSub
    } else if (struct.parent instanceof Y.ID) {
      parent = typeAt(struct.parent)
      parentSub = struct.parentSub
    } else {
      undecided()
    }

    const own = checkContent(struct, parent, parentSub, schema)
    const entry: Resolved = { from: clock, to: clock + struct.length, parent, parentSub }
    if (own) entry.own = { kind: own, key: `${client}:${clock}` }
    const list = resolved.get(client)
    if (list) list.push(entry)
    else resolved.set(client, [entry])
  }

  for (const [client, deletions] of ds.clients) {
    const state = stateOf(client)
    for (const { clock, len } of deletions) {
      const end = clock + len
      // The part of the range this update adds is in the body (checked above) or unknown.
      for (let at = Math.max(clock, state); at < end; ) {
        at = findResolved(Y.createID(client, at)).to
      }
      if (clock >= state) continue
      const structsOf = store.clients.get(client) ?? []
      for (let i = Y.findIndexSS(structsOf, clock); i < structsOf.length; i++) {
        const live = structsOf[i] as Y.Item | Y.GC
        if (live.id.clock >= Math.min(end, state)) break
        // A GC struct is already deleted: deleting it again changes nothing.
        if (live instanceof Y.Item && !live.deleted) placeOfLive(live.parent as AnyType, targets)
      }
    }
  }
}

/**
 * The content checks of updateRules for a struct in `parent`; returns the kind of type the
 * struct creates, if any. Throws Undecided for whatever updateRules would refuse or check
 * further (suggestion attributions).
 */
const checkContent = (
  item: Y.Item,
  parent: Place,
  parentSub: string | null,
  schema: ReturnType<typeof documentSchema>,
): 'element' | 'text' | undefined => {
  const content = item.content
  // Deleted before it was sent: nothing of it is integrated but its length.
  if (content instanceof Y.ContentDeleted) return undefined
  if (parent.kind === 'benchMap') {
    return parentSub !== null && content instanceof Y.ContentAny ? undefined : undecided()
  }
  if (parentSub !== null) {
    if (parent.kind !== 'element' || !(content instanceof Y.ContentAny)) return undecided()
    const value = content.arr.at(-1)
    if (parentSub === BLOCK_SUGGESTION_ATTR && value !== null && value !== undefined)
      return undecided()
    return undefined
  }
  if (parent.kind === 'text') {
    if (content instanceof Y.ContentString) return undefined
    if (!(content instanceof Y.ContentFormat)) return undecided()
    const name = markNameOf(content.key)
    if (!schema.marks[name]) return undecided()
    if (isSuggestionKind(name) && content.value !== null) return undecided()
    return undefined
  }
  if (!(content instanceof Y.ContentType)) return undecided()
  const type = content.type
  if (type instanceof Y.XmlText) return parent.kind === 'body' ? undecided() : 'text'
  if (
    type instanceof Y.XmlElement &&
    type.nodeName !== schema.topNodeType.name &&
    type.nodeName !== 'text' &&
    schema.nodes[type.nodeName]
  ) {
    return 'element'
  }
  return undecided()
}

/**
 * True when a plain edit (isPlainEdit) adds exactly what it holds: no struct the document
 * already has, none skipped. Then its bytes say what the transaction applying it did, and the
 * room relays and stores them as they are (LiveUpdates.applyAsSent). Deleting again what is
 * deleted already changes nothing, so the delete set needs no such check.
 */
export const appliesAsSent = (doc: Y.Doc, { structs }: DecodedUpdate): boolean =>
  structs.every(
    (struct) =>
      !(struct instanceof Y.Skip) && struct.id.clock >= Y.getState(doc.store, struct.id.client),
  )
