// An Atom entry of a sync feed, result feed or batch response, or a standalone `$syncDigest` / `$syncSource` entry
// (sync §4.4, §5.1–§5.3; core §13.4), described once (docs/schema.md): Atom members, syncState, http results,
// payload, diagnoses and kept extensions. Its XML reader and writers, JSON mapping, guard and arbitrary are derived.
import { readBooleanLexical } from '../codec/boolean'
import type { XmlAttribute, XmlElement } from '../xml/types'
import { diagnosesMember } from './diagnoses'
import { ATOM_CONTENT, ATOM_HEAD, HTTP_RESULT, LINK } from './leaves'
import type { SyncEntry } from './model'
import { ATOM_NS, XSI_NS } from './namespaces'
import type { PayloadCodec } from './payload'
import { payloadMember } from './payload-member'
import type { Path, Problems } from './read'
import { elementMember, extensionsMember, groupMember, linksMember } from './schema/members'
import { compileOwnerReader, compileOwnerWriter, type OwnerDescription, ownerGuard } from './schema/owner'
import { SYNC_STATE } from './sync-state'
import { hasElementChildren } from './tree'

/**
 * Whether an element is nil: `xsi:nil` true (any spelling the boolean reader accepts) and no element children.
 *
 * @example
 * ```ts
 * isNilElement(syncStateElement) // true for <sync:syncState xsi:nil="true"/>
 * ```
 */
export function isNilElement(el: XmlElement): boolean {
  if (hasElementChildren(el)) return false
  return el.attributes.some(
    (a) => a.namespace === XSI_NS && a.localName === 'nil' && readBooleanLexical(a.value) === true,
  )
}

/**
 * `atom:entry`: its members in the spec's order (id, title, updated, links, content, syncState, the http results,
 * the payload, the diagnoses, then the kept extensions). JSON puts the payload before the http results, as SData
 * 2.0 lists them, and may hold the resource's native properties. Sage's adapters write `<sync:syncState
 * xsi:nil="true"/>` on `$syncDigest` entries: no state, kept as written.
 *
 * @example
 * ```ts
 * readEntry(el, path, problems, undefined) // SyncEntry | undefined
 * ```
 */
export const ENTRY: OwnerDescription<SyncEntry<any>> = {
  namespace: ATOM_NS,
  name: 'entry',
  what: 'an entry',
  members: [
    groupMember('head', ATOM_HEAD),
    linksMember(LINK),
    groupMember('content', ATOM_CONTENT),
    elementMember('syncState', SYNC_STATE, isNilElement),
    groupMember('http', HTTP_RESULT),
    payloadMember,
    diagnosesMember,
    extensionsMember(),
  ],
  jsonOrder: ['head', 'links', 'content', 'syncState', 'payload', 'http', 'diagnoses', 'extensions'],
  native: true,
  guard: ['links', 'diagnoses', 'extensions'],
}

/** Reads an `atom:entry`; `undefined` when a member it models is broken (the errors are in `problems`). */
export const readEntry: <V>(
  el: XmlElement,
  path: Path,
  problems: Problems,
  codec: PayloadCodec<V> | undefined,
) => SyncEntry<V> | undefined = compileOwnerReader(ENTRY)

/** Writes an `atom:entry` in the spec's form; `attributes` (the root declarations of a standalone entry) come first. */
export const writeEntry: <V>(
  entry: SyncEntry<V>,
  codec: PayloadCodec<V> | undefined,
  attributes?: XmlAttribute[],
) => XmlElement = compileOwnerWriter(ENTRY)

/** Whether a value is an entry: its links, diagnoses and extensions are arrays. */
export const isEntry: (u: unknown) => u is SyncEntry<any> = ownerGuard(ENTRY)
