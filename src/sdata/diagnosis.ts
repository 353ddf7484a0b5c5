// SData diagnoses (core §3.10, sdata.xsd diagnosis--type): members in any order, all optional on read, unknown
// children kept; `applicationCode` with `xsi:nil="true"` (Sage 50) reads as null.
import type { XmlElement, XmlNode } from '../xml/types'
import type { Diagnosis } from './model'
import { SDATA_NS, XSI_NS } from './namespaces'
import { at, type Path, type Problems } from './read'
import { elem, hasElementChildren, isDeclaration, leaf, nsAttr, selfContained, textOf } from './tree'

type TextMember = 'severity' | 'sdataCode' | 'message' | 'stackTrace' | 'payloadPath'
const TEXT_MEMBERS: ReadonlySet<string> = new Set(['severity', 'sdataCode', 'message', 'stackTrace', 'payloadPath'])
const ORDER: readonly TextMember[] = ['severity', 'sdataCode', 'message', 'stackTrace', 'payloadPath']

/** Whether an element carries only namespace declarations (plus, when allowed, `xsi:nil`). */
function plainAttributes(el: XmlElement, allowNil: boolean): 'plain' | 'nil' | 'other' {
  let nil = false
  for (const a of el.attributes) {
    if (isDeclaration(a)) continue
    if (allowNil && a.namespace === XSI_NS && a.localName === 'nil' && a.value === 'true') nil = true
    else return 'other'
  }
  return nil ? 'nil' : 'plain'
}

/**
 * Reads an `sdata:diagnosis`. Members that cannot be held losslessly as text (child elements, attributes, a second
 * occurrence) stay in `extensions`, so nothing is dropped.
 */
export function readDiagnosis(el: XmlElement, _path: Path, _problems: Problems): Diagnosis {
  const d: Diagnosis = { extensions: [] }
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (c.namespace === SDATA_NS && !hasElementChildren(c)) {
      const name = c.localName
      if (name === 'applicationCode' && d.applicationCode === undefined) {
        const form = plainAttributes(c, true)
        if (form === 'nil' && c.children.length === 0) {
          d.applicationCode = null
          continue
        }
        if (form === 'plain') {
          d.applicationCode = textOf(c)
          continue
        }
      } else if (
        TEXT_MEMBERS.has(name) &&
        d[name as TextMember] === undefined &&
        plainAttributes(c, false) === 'plain'
      ) {
        d[name as TextMember] = textOf(c)
        continue
      }
    }
    d.extensions.push(selfContained(c))
  }
  return d
}

/**
 * Reads the diagnoses of an `sdata:diagnoses` wrapper, or `undefined` when it holds anything but diagnoses. The
 * wrapper's own attributes make it `undefined` too, unless `ownAttributesKept` (a document root keeps them itself).
 */
export function readDiagnosesWrapper(
  el: XmlElement,
  path: Path,
  problems: Problems,
  ownAttributesKept = false,
): Diagnosis[] | undefined {
  if (!ownAttributesKept && plainAttributes(el, false) !== 'plain') return undefined
  const out: Diagnosis[] = []
  for (const c of el.children) {
    if (c.type !== 'element' || c.namespace !== SDATA_NS || c.localName !== 'diagnosis') return undefined
    if (plainAttributes(c, false) !== 'plain') return undefined
    out.push(readDiagnosis(c, at(path, c, true), problems))
  }
  return out
}

/** Writes an `sdata:diagnosis`, members in the XSD's order, then the kept extensions. */
export function writeDiagnosis(d: Diagnosis): XmlElement {
  const children: XmlNode[] = []
  if (d.severity !== undefined) children.push(leaf(SDATA_NS, 'severity', d.severity))
  if (d.sdataCode !== undefined) children.push(leaf(SDATA_NS, 'sdataCode', d.sdataCode))
  if (d.applicationCode === null) children.push(elem(SDATA_NS, 'applicationCode', [], [nsAttr(XSI_NS, 'nil', 'true')]))
  else if (d.applicationCode !== undefined) children.push(leaf(SDATA_NS, 'applicationCode', d.applicationCode))
  for (const name of ORDER.slice(2)) {
    const v = d[name]
    if (v !== undefined) children.push(leaf(SDATA_NS, name, v))
  }
  for (const x of d.extensions) children.push(x)
  return elem(SDATA_NS, 'diagnosis', children)
}
