// Validation of FILESYNC values against the spec and observed SharePoint behaviour, separate from decoding.
// Implements MS-FILESYNC §2.2 (ResourceID GUIDs, Int, QuotaState enum) and docs/decisions.md#f1 to #f13.
import { DateTimeCodec } from '../codec/datetime'
import { Guid } from '../codec/guid'
import { IssueList, StepPath } from '../common/issue-list'
import type { Issue, PathStep } from '../common/issues'
import { nonXmlCharAt } from '../xml/chars'
import { qualifiedName } from '../xml/tree'
import type { XmlElement } from '../xml/types'
import {
  type DocumentStream,
  type Extension,
  type FileSyncDocument,
  type Item,
  type ModifierIdentity,
  QUOTA_STATES,
  WRITE_MODES,
} from './model'
import { CUSTOM_IDENTITY, DOCUMENT, DOCUMENT_STREAM, FOLDER, MODIFIER_IDENTITY, type RecordSpec } from './schema'

/**
 * A departure from the spec (`error`) or from what SharePoint is seen to send or accept (`warning`), located by the
 * XML path the value would be written at (positions among same-named siblings, 1-based) and by the same path as
 * `steps`; its code is `rule`.
 *
 * @deprecated Use `Issue`, the one problem type; `FileSyncIssue` is the same type under its old name.
 *
 * @example
 * ```ts
 * const issue: FileSyncIssue = {
 *   severity: 'error',
 *   code: 'rule',
 *   path: '/Folder/Items/Document[2]/ResourceID',
 *   steps: [
 *     { kind: 'element', name: 'Folder' },
 *     { kind: 'element', name: 'Items' },
 *     { kind: 'element', name: 'Document', position: 2 },
 *     { kind: 'element', name: 'ResourceID' },
 *   ],
 *   message: 'ResourceID is not a GUID as 32 hex digits: "42"',
 * }
 * ```
 */
export type FileSyncIssue = Issue

const MAX_INT = 2147483647
const QUICK_XOR_HASH_BYTES = 20

const FOLDER_ROOT: readonly PathStep[] = [{ kind: 'element', name: 'Folder' }]

/** A list of values for messages: `a, b or c`. */
function orList(values: readonly string[]): string {
  return `${values.slice(0, -1).join(', ')} or ${values.at(-1)}`
}

function show(u: unknown): string {
  if (typeof u === 'string') return JSON.stringify(u.length > 60 ? `${u.slice(0, 57)}...` : u)
  return String(u)
}

class Issues extends IssueList {
  text(path: StepPath, name: string, s: string): void {
    const at = nonXmlCharAt(s)
    if (at >= 0) {
      const code = s.charCodeAt(at).toString(16).toUpperCase().padStart(4, '0')
      this.error(path, `${name} contains U+${code} at offset ${at}, which XML 1.0 cannot carry (written as U+FFFD)`)
    }
  }
}

/** Characters of an unknown subtree, iteratively (extensions may be deep). */
function checkElement(el: XmlElement, path: StepPath, issues: Issues): void {
  const stack: Array<{ el: XmlElement; path: StepPath }> = [{ el, path }]
  while (stack.length > 0) {
    const { el: e, path: p } = stack.pop()!
    issues.text(p, 'element name', e.localName)
    for (const a of e.attributes) issues.text(p.attribute(a.localName), 'attribute value', a.value)
    for (const n of e.children) {
      if (n.type === 'text') issues.text(p, 'text', n.value)
      else stack.push({ el: n, path: p.element(qualifiedName(n)) })
    }
  }
}

function checkExtensions(
  spec: RecordSpec,
  extensions: readonly Extension[] | undefined,
  path: StepPath,
  issues: Issues,
): void {
  if (extensions === undefined) return
  for (const ext of extensions) {
    const p = path.element(qualifiedName(ext.element))
    if (ext.element.namespace === null && spec.byName.has(ext.element.localName)) {
      issues.warning(
        p,
        `${ext.element.localName} appears more than once in <${spec.name}>; the extra one is kept as is`,
      )
    }
    if (ext.after !== null && !spec.byName.has(ext.after)) {
      issues.warning(p, `extension anchored after ${ext.after}, which <${spec.name}> does not have; it is written last`)
    }
    checkElement(ext.element, p, issues)
  }
}

/** Types, ranges and characters of every modelled field of a record value. */
function checkFields(spec: RecordSpec, value: Record<string, unknown>, path: StepPath, issues: Issues): void {
  for (const field of spec.responseOrder) {
    const x = value[field.key]
    if (x === undefined || x === null) continue
    const p = path.element(field.name)
    switch (field.type) {
      case 'text':
        if (typeof x !== 'string') issues.error(p, `${field.name} must be a string, found ${show(x)}`)
        else issues.text(p, field.name, x)
        break
      case 'date':
        if (!DateTimeCodec.is(x))
          issues.error(p, `${field.name} is not an xs:dateTime with at most 7 fraction digits: ${show(x)}`)
        break
      case 'size':
        if (typeof x !== 'number' || !Number.isSafeInteger(x) || x < 0) {
          issues.error(p, `${field.name} must be a non-negative safe integer, found ${show(x)}`)
        }
        break
      case 'int':
        if (typeof x !== 'number' || !Number.isInteger(x) || x < 0 || x > MAX_INT) {
          issues.error(p, `${field.name} is an Int (0..2147483647), found ${show(x)}`)
        }
        break
      case 'binary':
        if (!(x instanceof Uint8Array)) issues.error(p, `${field.name} must be bytes (Uint8Array), found ${show(x)}`)
        break
      case 'boolean': {
        const b = x as { value?: unknown; lexical?: string }
        if (typeof b.value !== 'boolean') issues.error(p, `${field.name} must be { value: boolean }, found ${show(x)}`)
        else if (
          b.lexical !== undefined &&
          (b.lexical === 'True' || b.lexical === '1' || b.lexical === 'true') !== b.value
        ) {
          issues.warning(
            p,
            `${field.name}: lexical ${show(b.lexical)} does not spell ${b.value}; written as ${b.value ? 'True' : 'False'}`,
          )
        }
        break
      }
      default:
        break
    }
  }
}

function checkIdentity(m: ModifierIdentity, path: StepPath, issues: Issues): void {
  checkFields(MODIFIER_IDENTITY, m as Record<string, unknown>, path, issues)
  checkExtensions(MODIFIER_IDENTITY, m.extensions, path, issues)
  if (m.customIdentity !== undefined) {
    const p = path.element('CustomIdentity')
    checkFields(CUSTOM_IDENTITY, m.customIdentity as Record<string, unknown>, p, issues)
    checkExtensions(CUSTOM_IDENTITY, m.customIdentity.extensions, p, issues)
  }
}

function checkStream(s: DocumentStream, path: StepPath, issues: Issues): void {
  checkFields(DOCUMENT_STREAM, s as Record<string, unknown>, path, issues)
  checkExtensions(DOCUMENT_STREAM, s.extensions, path, issues)
  if (s.xorHash instanceof Uint8Array && s.xorHash.length !== QUICK_XOR_HASH_BYTES) {
    issues.warning(
      path.element('XORHash'),
      `XORHash has ${s.xorHash.length} bytes; a QuickXorHash has ${QUICK_XOR_HASH_BYTES}`,
    )
  }
}

interface Pending {
  readonly item: Item
  readonly path: StepPath
  /** Inside the items of a root `Folder` (a listing or changes response). */
  readonly listed: boolean
}

/**
 * The element name an item is written as: `Folder`, `Document`, or an unknown item's own (prefixed) name.
 *
 * @example
 * ```ts
 * itemName({ kind: 'Document' }) // 'Document'
 * ```
 */
export function itemName(item: Item): string {
  return item.kind === 'Unknown' ? qualifiedName(item.element) : item.kind
}

/** Gives `[n]` positions among same-named siblings, as decode error paths do for repeated elements. */
function childPaths(items: readonly Item[], parent: StepPath): StepPath[] {
  const counts = new Map<string, number>()
  return items.map((item) => {
    const name = itemName(item)
    const n = (counts.get(name) ?? 0) + 1
    counts.set(name, n)
    return parent.element(name, n)
  })
}

/** The checks of one item without its nested items (the caller walks those). */
function checkItem(pending: Pending, issues: Issues, isRoot: boolean): void {
  const { item, path, listed } = pending
  if (item.kind === 'Unknown') {
    const el = item.element
    if (el.namespace === null && (el.localName === 'Folder' || el.localName === 'Document')) {
      issues.warning(path, `an unknown item named ${el.localName} decodes as a typed ${el.localName} item`)
    }
    checkElement(el, path, issues)
    return
  }
  const spec = item.kind === 'Folder' ? FOLDER : DOCUMENT
  const value = item as unknown as Record<string, unknown>
  checkFields(spec, value, path, issues)
  checkExtensions(spec, item.extensions, path, issues)
  for (const [key, name] of [
    ['resourceId', 'ResourceID'],
    ['parentResourceId', 'ParentResourceID'],
  ] as const) {
    const id = item[key]
    if (typeof id === 'string' && !Guid.is(id))
      issues.error(path.element(name), `${name} is not a GUID as 32 hex digits: ${show(id)}`)
  }
  if (item.itemType !== undefined && item.itemType !== item.kind) {
    issues.warning(path.element('ItemType'), `ItemType ${show(item.itemType)} on a <${item.kind}> element`)
  }
  if (listed && !isRoot && item.resourceId === undefined) {
    issues.error(path, `a ${item.kind} in a changes listing has no ResourceID`)
  }
  if (item.writeMode !== undefined) {
    if (!(WRITE_MODES as readonly string[]).includes(item.writeMode)) {
      issues.warning(path.element('WriteMode'), `WriteMode ${show(item.writeMode)} is not ${orList(WRITE_MODES)}`)
    }
    if (item.writeMode === 'Update' && item.eTag === undefined) {
      issues.error(path, 'a write with WriteMode Update has no ETag (the server needs it to detect conflicts)')
    }
    if (item.writeMode === 'Create' && item.relationshipName === undefined) {
      issues.warning(path, 'a write with WriteMode Create has no RelationshipName (the new item needs a name)')
    }
  }
  if (item.modifierIdentity !== undefined)
    checkIdentity(item.modifierIdentity, path.element('ModifierIdentity'), issues)
  if (item.kind === 'Folder') {
    for (const key of ['quotaState', 'listLevelQuotaState'] as const) {
      const state = item[key]
      if (state !== undefined && !(QUOTA_STATES as readonly string[]).includes(state)) {
        const name = key === 'quotaState' ? 'QuotaState' : 'ListLevelQuotaState'
        issues.warning(path.element(name), `${name} ${show(state)} is not ${orList(QUOTA_STATES)}`)
      }
    }
  } else if (item.documentStreams !== undefined) {
    const counts = item.documentStreams.length
    const streams = path.element('DocumentStreams')
    for (let i = 0; i < counts; i++) {
      checkStream(item.documentStreams[i]!, streams.element('DocumentStream', i + 1), issues)
    }
  }
}

/**
 * Reports departures from MS-FILESYNC and from observed SharePoint behaviour in a document value (decoded or
 * built by hand), with the XML path each value would be written at. Never throws; walks any depth iteratively.
 *
 * Errors: a ResourceID/ParentResourceID that is not 32 hex digits; a date that is not an xs:dateTime with at most
 * 7 fraction digits; a size that is not a non-negative safe integer; an `Int` outside 0..2147483647; a Folder or
 * Document without ResourceID in a changes listing; a write with `WriteMode` `Update` but no ETag; characters XML
 * 1.0 cannot carry. Warnings: a QuotaState outside the enum; an unknown WriteMode; a Create without
 * RelationshipName; an ItemType that disagrees with the element; an XORHash that is not 20 bytes; a boolean form
 * that does not spell its value; duplicate modelled elements kept as extensions.
 *
 * @example
 * ```ts
 * validateFileSync({ root: 'Items', items: [{ kind: 'Document', writeMode: 'Update', resourceId: 'x' }] })
 * // [{ severity: 'error', path: '/Items/Document[1]/ResourceID', message: 'ResourceID is not a GUID as 32 hex digits: "x"' },
 * //  { severity: 'error', path: '/Items/Document[1]', message: 'a write with WriteMode Update has no ETag (…)' }]
 * ```
 */
export function validateFileSync(document: FileSyncDocument): FileSyncIssue[] {
  const issues = new Issues()
  const stack: Pending[] = []
  const push = (items: readonly Item[] | undefined, parent: StepPath, listed: boolean): void => {
    if (items === undefined) return
    const paths = childPaths(items, parent.element('Items'))
    for (let i = items.length - 1; i >= 0; i--) stack.push({ item: items[i]!, path: paths[i]!, listed })
  }
  if (document.root === 'Folder') {
    const folder = StepPath.of(FOLDER_ROOT)
    checkItem({ item: document.folder, path: folder, listed: true }, issues, true)
    push(document.folder.items, folder, true)
  } else push(document.items, StepPath.of([]), false)
  while (stack.length > 0) {
    const pending = stack.pop()!
    checkItem(pending, issues, false)
    if (pending.item.kind === 'Folder') push(pending.item.items, pending.path, pending.listed)
  }
  return issues.list
}

/**
 * The checks of {@link validateFileSync} on one item, without its nested items (a folder's `items` is not read):
 * for an item that streams by on its own, at `path`: the steps `validateFileSync` gives it, or the same as an XML
 * path (e.g. `/Folder/Items/Folder[2]/Items/Document[1]`, kept as given in each issue's `path`). `listed` says whether it is inside the items of a root `Folder`
 * (a listing, where every item needs a ResourceID), `root` whether it is that root `Folder` itself.
 *
 * @example
 * ```ts
 * validateFileSyncItem({ kind: 'Document', resourceId: 'x' }, '/Items/Document[1]', { listed: false, root: false })
 * // [{ severity: 'error', path: '/Items/Document[1]/ResourceID', message: 'ResourceID is not a GUID as 32 hex digits: "x"' }]
 * ```
 */
export function validateFileSyncItem(
  item: Item,
  path: string | readonly PathStep[],
  where: { listed: boolean; root: boolean },
): FileSyncIssue[] {
  const issues = new Issues()
  const at = typeof path === 'string' ? StepPath.fromText(path) : StepPath.of(path)
  checkItem({ item, path: at, listed: where.listed }, issues, where.root)
  return issues.list
}
