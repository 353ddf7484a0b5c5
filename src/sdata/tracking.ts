// The tracking body of a 202 answer (core §3.11, sync §5.2): read in `…/sdata/2008/1` or, leniently, in the
// `…/sdata/2008` namespace the sync examples use (docs/decisions.md#s2); written back in the namespace it was read in.

import { DecimalValue } from '../codec/values'
import type { XmlElement, XmlNode } from '../xml/types'
import { XMLNS_NAMESPACE } from '../xml/types'
import type { Tracking } from './model'
import { SDATA_LEGACY_NS, SDATA_NS } from './namespaces'
import { at, duplicate, leafText, type Path, type Problems, readNat, readValue } from './read'
import { keptAttributes, leaf, rootDeclarations, selfContained } from './tree'

type NatMember = 'elapsedSeconds' | 'remainingSeconds' | 'pollingMillis'

/** Whether a namespace is one tracking is read in. */
export function isTrackingNamespace(ns: string | null): boolean {
  return ns === SDATA_NS || ns === SDATA_LEGACY_NS
}

function trackingScope(ns: string): ReadonlyMap<string, string> {
  const scope = new Map<string, string>()
  for (const a of rootDeclarations()) scope.set(a.prefix === null ? '' : a.localName, a.value)
  scope.set('', ns)
  return scope
}

/** Reads a `tracking` element (children in either tracking namespace; others kept as extensions). */
export function readTracking(el: XmlElement, path: Path, problems: Problems): Tracking | undefined {
  const ns = el.namespace!
  const t: Tracking = { namespace: ns, extensions: [] }
  const attributes = keptAttributes(el)
  if (attributes !== undefined) t.attributes = attributes
  const scope = trackingScope(ns)
  let ok = true
  for (const c of el.children) {
    if (c.type !== 'element') continue
    if (isTrackingNamespace(c.namespace)) {
      const name = c.localName
      const p = at(path, c)
      if (name === 'phase' || name === 'phaseDetail' || name === 'progress') {
        if (t[name] !== undefined) {
          duplicate(c, p, problems)
          ok = false
          continue
        }
        const v = name === 'progress' ? readValue(c, p, problems, DecimalValue) : leafText(c, p, problems)
        if (v === undefined) ok = false
        else t[name] = v
        continue
      }
      if (name === 'elapsedSeconds' || name === 'remainingSeconds' || name === 'pollingMillis') {
        if (t[name as NatMember] !== undefined) {
          duplicate(c, p, problems)
          ok = false
          continue
        }
        const v = readNat(c, p, problems)
        if (v === undefined) ok = false
        else t[name as NatMember] = v
        continue
      }
    }
    t.extensions.push(selfContained(c, scope))
  }
  return ok ? t : undefined
}

/** Writes a `tracking` root in its namespace as the default namespace, as the spec's examples do; kept attributes after the declarations. */
export function writeTracking(t: Tracking): XmlElement {
  const ns = t.namespace
  const el = (name: string, value: string): XmlElement => ({ ...leaf(ns, name, value), prefix: null })
  const children: XmlNode[] = []
  if (t.phase !== undefined) children.push(el('phase', t.phase))
  if (t.phaseDetail !== undefined) children.push(el('phaseDetail', t.phaseDetail))
  if (t.progress !== undefined) children.push(el('progress', t.progress))
  if (t.elapsedSeconds !== undefined) children.push(el('elapsedSeconds', String(t.elapsedSeconds)))
  if (t.remainingSeconds !== undefined) children.push(el('remainingSeconds', String(t.remainingSeconds)))
  if (t.pollingMillis !== undefined) children.push(el('pollingMillis', String(t.pollingMillis)))
  for (const x of t.extensions) children.push(x)
  const attributes = rootDeclarations().map((a) =>
    a.prefix === null ? { namespace: XMLNS_NAMESPACE, localName: 'xmlns', prefix: null, value: ns } : a,
  )
  if (t.attributes !== undefined) for (const a of t.attributes) attributes.push(a)
  return { type: 'element', namespace: ns, localName: 'tracking', prefix: null, attributes, children }
}
