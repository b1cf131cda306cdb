import type { Element } from '@xmldom/xmldom'
import { ImportError, ImportRefusal } from '../ImportError.js'
import { childElements, descendants, parseXml } from '../package/parseXml.js'
import {
  type PackageLimits,
  partText,
  readPackage,
  type ZipPackage,
} from '../package/readPackage.js'
import {
  emptySource,
  noteDropped,
  paragraphsOf,
  type SourceComment,
  type SourceDocument,
  WarningCode,
} from '../SourceDocument.js'
import { DocxBody, type DocxContext } from './DocxBody.js'
import { DocxNumbering } from './DocxNumbering.js'
import { readHeadingStyles, readStyleNumbering } from './DocxStyles.js'

const OFFICE_DOCUMENT =
  'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
const MACRO_MAIN = 'application/vnd.ms-word.document.macroEnabled.main+xml'

interface Relationship {
  type: string
  target: string
  external: boolean
}

const folderOf = (part: string) => part.slice(0, part.lastIndexOf('/') + 1)
const relsOf = (part: string) =>
  `${folderOf(part)}_rels/${part.slice(part.lastIndexOf('/') + 1)}.rels`

/** Resolves a relationship target against the folder of the part that names it. */
const resolvePart = (from: string, target: string): string => {
  if (target.startsWith('/')) return target.slice(1)
  const parts = (folderOf(from) + target).split('/')
  const out: string[] = []
  for (const part of parts) {
    if (part === '..') out.pop()
    else if (part !== '.' && part !== '') out.push(part)
  }
  return out.join('/')
}

const xmlPart = (pkg: ZipPackage, name: string): Element | undefined => {
  const text = partText(pkg, name)
  return text === undefined ? undefined : parseXml(text, name)
}

const readRelationships = (pkg: ZipPackage, part: string): Map<string, Relationship> => {
  const rels = new Map<string, Relationship>()
  const root = xmlPart(pkg, relsOf(part))
  if (!root) return rels
  for (const rel of childElements(root)) {
    const id = rel.getAttribute('Id')
    const target = rel.getAttribute('Target')
    if (!id || target === null) continue
    const external = rel.getAttribute('TargetMode') === 'External'
    rels.set(id, {
      type: rel.getAttribute('Type') ?? '',
      target: external ? target : resolvePart(part, target),
      external,
    })
  }
  return rels
}

/** Comments (`comments.xml`) and which of them answer another (`commentsExtended.xml`). */
const readComments = (
  pkg: ZipPackage,
  commentsPart: string | undefined,
  extendedPart: string | undefined,
  body: (el: Element) => string,
): { comments: Map<string, SourceComment>; replies: Set<string> } => {
  const comments = new Map<string, SourceComment>()
  const replies = new Set<string>()
  const root = commentsPart ? xmlPart(pkg, commentsPart) : undefined
  if (!root) return { comments, replies }
  // A reply's parent is named by paragraph ids (w14:paraId of each comment's last paragraph).
  const parentOfPara = new Map<string, string>()
  const extended = extendedPart ? xmlPart(pkg, extendedPart) : undefined
  for (const ex of extended ? childElements(extended) : []) {
    const para = ex.getAttribute('w15:paraId')
    const parent = ex.getAttribute('w15:paraIdParent')
    if (para && parent) parentOfPara.set(para, parent)
  }
  const idOfPara = new Map<string, string>()
  const parentParaOf = new Map<string, string>()
  for (const el of childElements(root)) {
    if (el.nodeName !== 'w:comment') continue
    const id = el.getAttribute('w:id') ?? ''
    const date = el.getAttribute('w:date') ?? undefined
    comments.set(id, {
      id,
      messages: [
        { author: el.getAttribute('w:author') || '?', ...(date ? { date } : {}), body: body(el) },
      ],
    })
    for (const p of descendants(el, 'w:p')) {
      const para = p.getAttribute('w14:paraId')
      if (!para) continue
      idOfPara.set(para, id)
      const parent = parentOfPara.get(para)
      if (parent) parentParaOf.set(id, parent)
    }
  }
  for (const [id, parentPara] of parentParaOf) {
    const parentId = idOfPara.get(parentPara)
    const parent = parentId === undefined ? undefined : comments.get(parentId)
    const reply = comments.get(id)
    if (!parent || !reply || parentId === id) continue
    parent.messages.push(...reply.messages)
    comments.delete(id)
    replies.add(id)
  }
  return { comments, replies }
}

const WANTED = /^(\[Content_Types\]\.xml|_rels\/\.rels|word\/[^/]+\.xml|word\/_rels\/[^/]+\.rels)$/

/** A .docx (or .docm: its macros are never read) → source blocks, comments, footnotes. */
export const readDocx = (bytes: Uint8Array, limits: PackageLimits): SourceDocument => {
  const pkg = readPackage(bytes, (name) => WANTED.test(name), limits)
  const types = partText(pkg, '[Content_Types].xml')
  if (types === undefined)
    throw new ImportError(ImportRefusal.notWhatItSays, 'no [Content_Types].xml')
  const packageRels = readRelationships(pkg, '')
  const main = [...packageRels.values()].find((r) => r.type === OFFICE_DOCUMENT && !r.external)
  if (!main) throw new ImportError(ImportRefusal.brokenPackage, 'no main document part')
  const document = xmlPart(pkg, main.target)
  if (!document) throw new ImportError(ImportRefusal.brokenPackage, `${main.target} is missing`)
  if (!types.includes('wordprocessingml') && !types.includes(MACRO_MAIN))
    throw new ImportError(ImportRefusal.notWhatItSays, 'not a word-processing document')

  const source = emptySource()
  if (types.includes(MACRO_MAIN) || pkg.names.has('word/vbaProject.bin'))
    noteDropped(source, WarningCode.macros)

  const rels = readRelationships(pkg, main.target)
  const partOf = (type: string) =>
    [...rels.values()].find((r) => r.type === REL + type && !r.external)?.target
  const links = new Map<string, string>()
  for (const [id, rel] of rels) if (rel.type === `${REL}hyperlink`) links.set(id, rel.target)

  const stylesPart = partOf('styles')
  const numberingPart = partOf('numbering')
  const styles = stylesPart ? xmlPart(pkg, stylesPart) : undefined
  const ctx: DocxContext = {
    source,
    headingStyles: readHeadingStyles(styles),
    styleNumbering: readStyleNumbering(styles),
    numbering: new DocxNumbering(numberingPart ? xmlPart(pkg, numberingPart) : undefined),
    links,
    replies: new Set(),
    ranged: new Set(
      Array.from(document.getElementsByTagName('w:commentRangeStart'), (el) =>
        el.getAttribute('w:id'),
      ).filter((id) => id !== null),
    ),
  }
  const reader = new DocxBody(ctx)
  const plain = (el: Element) =>
    paragraphsOf(reader.blocks(el))
      .map((p) =>
        p.inlines
          .map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? '\n' : ''))
          .join(''),
      )
      .join('\n')
      .trim()
  const extendedPart = [...rels.values()].find(
    (r) => r.type.endsWith('/commentsExtended') && !r.external,
  )?.target
  const { comments, replies } = readComments(pkg, partOf('comments'), extendedPart, plain)
  source.comments = comments
  ctx.replies = replies

  for (const [kind, prefix, tag] of [
    ['footnotes', 'f', 'w:footnote'],
    ['endnotes', 'e', 'w:endnote'],
  ] as const) {
    const part = partOf(kind)
    const root = part ? xmlPart(pkg, part) : undefined
    for (const note of root ? childElements(root) : []) {
      if (note.nodeName !== tag) continue
      const type = note.getAttribute('w:type')
      if (type === 'separator' || type === 'continuationSeparator' || type === 'continuationNotice')
        continue
      source.footnotes.set(
        `${prefix}${note.getAttribute('w:id') ?? ''}`,
        paragraphsOf(reader.blocks(note)),
      )
    }
  }

  const body = childElements(document).find((el) => el.nodeName === 'w:body')
  if (!body) throw new ImportError(ImportRefusal.brokenPackage, 'the document has no body')
  source.blocks = reader.blocks(body)
  return source
}
