import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import { type AuthorSpan, authorRuns } from './authorRuns'

/** How one person's words look: their colour, name and underline style (not colour alone). */
export interface AuthorLook {
  name: string
  color: string
  /** 0–3: solid, dashed, dotted or double underline, so neighbours differ without colour. */
  style: number
}

/** What the page tells the plugin; null switches the colouring off. */
export interface AuthorshipInput {
  /** Per Yjs client id, whose text it is from which clock on (user ids). */
  clients: ReadonlyMap<number, readonly AuthorSpan[]>
  people: ReadonlyMap<string, AuthorLook>
  /** Only text written after this state vector (a version's). */
  since?: ReadonlyMap<number, number>
}

interface AuthorshipState {
  input: AuthorshipInput | null
  decorations: DecorationSet
}

export const authorshipKey = new PluginKey<AuthorshipState>('authorship')

export interface AuthorshipOptions {
  /** Text under client ids the page does not know (yet): it may ask the server again. */
  onUnknown: (clientIds: number[]) => void
  /** The people whose words are coloured now, in the order they first appear (for the legend). */
  onShown: (userIds: string[]) => void
  /** The "who wrote this" key: the name of whoever wrote the words at the caret, or null. */
  onWhoWrote: (name: string | null) => void
}

/** Says who wrote the words at the caret, for keyboard and screen-reader users. */
export const WHO_WROTE_SHORTCUT = 'Mod-Alt-a'

/** After a change, the colours are worked out again once typing pauses this long… */
const RECOMPUTE_AFTER_MS = 300
/** …or after this long, when changes never pause (several people typing). */
const RECOMPUTE_AT_LEAST_EVERY_MS = 1500

const decorate = (
  state: EditorState,
  input: AuthorshipInput,
  options: AuthorshipOptions,
): DecorationSet => {
  const fragment = (ySyncPluginKey.getState(state) as { type?: Y.XmlFragment } | undefined)?.type
  if (!fragment) return DecorationSet.empty
  const unknown: number[] = []
  const runs = authorRuns(fragment, state.schema, {
    spansOf: (client) => input.clients.get(client),
    since: input.since,
    onUnknown: (client) => unknown.push(client),
  })
  const size = state.doc.content.size
  const shown: string[] = []
  const decorations: Decoration[] = []
  for (const run of runs) {
    const look = input.people.get(run.author)
    const to = Math.min(run.to, size)
    if (!look || run.from >= to) continue
    if (!shown.includes(run.author)) shown.push(run.author)
    decorations.push(
      Decoration.inline(
        run.from,
        to,
        {
          class: `author-run author-style-${look.style}`,
          style: `--author: ${look.color}`,
          title: look.name,
          'data-author': run.author,
        },
        { name: look.name },
      ),
    )
  }
  if (unknown.length > 0) options.onUnknown(unknown)
  options.onShown(shown)
  return DecorationSet.create(state.doc, decorations)
}

/**
 * Colours the text by who wrote it, as decorations: nothing in the text changes. Off (and
 * costing nothing) until the page sends an input through `authorshipKey`. While on, the
 * colours follow each change by mapping, and are worked out again from the Yjs items once
 * the typing pauses: one pass over the items, never one per keystroke.
 */
export const AuthorshipHighlights = Extension.create<AuthorshipOptions>({
  name: 'authorship',

  addOptions() {
    return { onUnknown: () => undefined, onShown: () => undefined, onWhoWrote: () => undefined }
  },

  addKeyboardShortcuts() {
    return {
      [WHO_WROTE_SHORTCUT]: ({ editor }) => {
        const state = authorshipKey.getState(editor.state)
        if (!state?.input) return false
        const { from } = editor.state.selection
        // The letter before the caret, or after it when it stands before the first letter.
        const around = state.decorations.find(Math.max(0, from - 1), from + 1)
        const found =
          around.find((d) => d.from < from && d.to >= from) ??
          around.find((d) => d.from <= from && d.to > from)
        this.options.onWhoWrote((found?.spec.name as string | undefined) ?? null)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    const options = this.options
    return [
      new Plugin<AuthorshipState>({
        key: authorshipKey,
        state: {
          init: () => ({ input: null, decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state) => {
            const meta = tr.getMeta(authorshipKey) as
              | { input: AuthorshipInput | null }
              | { recompute: true }
              | undefined
            if (meta && 'input' in meta) {
              if (!meta.input) options.onShown([])
              return {
                input: meta.input,
                decorations: meta.input
                  ? decorate(state, meta.input, options)
                  : DecorationSet.empty,
              }
            }
            if (!value.input) return value
            if (meta) return { ...value, decorations: decorate(state, value.input, options) }
            if (!tr.docChanged) return value
            return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
          },
        },
        view: () => {
          let timer: ReturnType<typeof setTimeout> | undefined
          // When the first change not yet coloured was made.
          let pendingSince: number | undefined
          return {
            update: (view, previous) => {
              if (view.state.doc === previous.doc) return
              if (!authorshipKey.getState(view.state)?.input) return
              const now = Date.now()
              pendingSince ??= now
              clearTimeout(timer)
              const wait = Math.min(
                RECOMPUTE_AFTER_MS,
                Math.max(0, pendingSince + RECOMPUTE_AT_LEAST_EVERY_MS - now),
              )
              timer = setTimeout(() => {
                pendingSince = undefined
                if (view.isDestroyed || !authorshipKey.getState(view.state)?.input) return
                view.dispatch(
                  view.state.tr
                    .setMeta(authorshipKey, { recompute: true })
                    .setMeta('addToHistory', false),
                )
              }, wait)
            },
            destroy: () => clearTimeout(timer),
          }
        },
        props: {
          decorations: (state) => authorshipKey.getState(state)?.decorations,
        },
      }),
    ]
  },
})
