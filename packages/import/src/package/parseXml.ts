import { DOMParser, type Element } from '@xmldom/xmldom'
import { ImportError, ImportRefusal } from '../ImportError.js'

// Office files never carry a DTD; one that does is refused before parsing, so no external
// entity is fetched and no entity is expanded (XXE, "billion laughs").
const DTD = /<!DOCTYPE|<!ENTITY/i

/** Parses one XML part of a package; a DTD, or XML that is not well-formed, refuses the file. */
export const parseXml = (text: string, partName: string): Element => {
  if (DTD.test(text)) throw new ImportError(ImportRefusal.externalEntities, partName)
  let failed = false
  const parser = new DOMParser({
    onError: (level) => {
      if (level !== 'warning') failed = true
    },
  })
  let root: Element | null = null
  try {
    root = parser.parseFromString(text, 'text/xml').documentElement
  } catch {
    failed = true
  }
  if (failed || !root) throw new ImportError(ImportRefusal.badXml, partName)
  return root
}

/** The element children of a node, in order. */
export const childElements = (node: Element): Element[] => {
  const out: Element[] = []
  for (let child = node.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 1) out.push(child as Element)
  }
  return out
}

/** The first child element with this qualified name. */
export const child = (node: Element, name: string): Element | undefined =>
  childElements(node).find((el) => el.nodeName === name)

/** Every descendant element with this qualified name, in document order. */
export const descendants = (node: Element, name: string): Element[] =>
  Array.from(node.getElementsByTagName(name))
