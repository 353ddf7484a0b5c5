// Smart constructors for SData values to send (sync §4.4, §5.2): feeds, entries and payload resources with defaults.
// Only what a caller means is written; the lists a value must have start empty, a typed payload gets its element.
import { isElement } from '../codec/named'
import type { XName } from '../codec/names'
import type { XmlElement } from '../xml/types'
import type { PayloadResource, SyncEntry, SyncFeed } from './model'
import type { PayloadCodec } from './payload'
import { selfContained } from './tree'

/**
 * The SData attributes of a payload resource other than its element and value, all optional
 * (`isDeleted` defaults to false).
 *
 * @example
 * ```ts
 * const fields: PayloadFields = { uuid: '0f2ef5c6-5a1d-4e0b-8d4b-1d3f9f6b2a10', url: 'http://www.example.com/sdata/myApp/myContract/-/accounts(\'A1\')' }
 * ```
 */
export type PayloadFields = Partial<Omit<PayloadResource, 'element' | 'value'>>

/** The lists an entry must have, which its builder starts empty (the ones {@link SyncEntryInit} makes optional). */
const ENTRY_LISTS: readonly (keyof SyncEntry)[] = ['links', 'diagnoses', 'extensions']
/** The lists a feed must have, which its builder starts empty (the ones {@link SyncFeedInit} makes optional). */
const FEED_LISTS: readonly (keyof SyncFeed)[] = ['links', 'diagnoses', 'entries', 'extensions']

/** `init` with an empty array for each of `lists` it leaves out. */
function withLists<T>(init: object, lists: readonly string[]): T {
  const out: Record<string, unknown> = { ...init }
  for (const key of lists) out[key] ??= []
  return out as T
}

/**
 * A sync entry to build: a {@link SyncEntry} whose lists (`links`, `diagnoses`, `extensions`) may be left out.
 *
 * @example
 * ```ts
 * const init: SyncEntryInit = { id: 'urn:entry:1', syncState: { endpoint, tick: 5, stamp: stamp(new Date()) } }
 * ```
 */
export type SyncEntryInit<V = unknown> = Omit<SyncEntry<V>, 'links' | 'diagnoses' | 'extensions'> &
  Partial<Pick<SyncEntry<V>, 'links' | 'diagnoses' | 'extensions'>>

/**
 * A sync feed to build: a {@link SyncFeed} whose lists (`links`, `diagnoses`, `entries`, `extensions`) may be left
 * out.
 *
 * @example
 * ```ts
 * const init: SyncFeedInit = { syncMode: 'catchUp', digest: { origin: endpoint, entries: [] } }
 * ```
 */
export type SyncFeedInit<V = unknown> = Omit<SyncFeed<V>, 'links' | 'diagnoses' | 'entries' | 'extensions'> &
  Partial<Pick<SyncFeed<V>, 'links' | 'diagnoses' | 'entries' | 'extensions'>>

/**
 * Builds the resource of an entry's `sdata:payload`. Given a contract codec and a typed value, the element is
 * `codec.encode(value)`, so `value` and `element` always agree and neither is written by hand; given an element
 * (an untyped payload), that element is used; for a deleted resource use {@link deletedPayload}. Either way the element gets
 * the namespace declarations it relies on, as decoding gives it, so a built feed decodes back equal. The SData
 * attributes (`uuid`, `isDeleted`, `key`, `url`, `lookup`, `descriptor`) go in `fields`; encoding writes them on
 * the resource element.
 *
 * @example
 * ```ts
 * const Account = element(qname(C, 'account'), record({ name: child(qname(C, 'name'), text(t.string)) }))
 * const created = payload(Account, { name: 'Acme' }, { uuid: '0f2ef5c6-5a1d-4e0b-8d4b-1d3f9f6b2a10' })
 * created.element // <account xmlns="…"><name>Acme</name></account> as a tree
 * const untyped = payload(someElement, { uuid: '…' })
 * ```
 */
export function payload<V>(codec: PayloadCodec<V>, value: V, fields?: PayloadFields): PayloadResource<V>
export function payload(element: XmlElement, fields?: PayloadFields): PayloadResource<never>
export function payload<V>(
  codecOrElement: PayloadCodec<V> | XmlElement,
  valueOrFields?: V | PayloadFields,
  fields?: PayloadFields,
): PayloadResource<V> {
  if (isElement(codecOrElement)) {
    const only = (valueOrFields ?? {}) as PayloadFields
    return { ...only, isDeleted: only.isDeleted ?? false, element: selfContained(codecOrElement) }
  }
  const value = valueOrFields as V
  return {
    ...fields,
    isDeleted: fields?.isDeleted ?? false,
    element: selfContained(codecOrElement.encode(value)),
    value,
  }
}

/**
 * Builds the resource of a deleted resource's `sdata:payload`: the resource element empty, with its uuid and
 * `sdata:isDeleted="true"`, as sync §6.1 asks.
 *
 * @example
 * ```ts
 * const gone = deletedPayload(qname(C, 'account'), { uuid: '0f2ef5c6-5a1d-4e0b-8d4b-1d3f9f6b2a10' })
 * gone.isDeleted // true
 * ```
 */
export function deletedPayload(name: XName, fields: PayloadFields & { uuid: string }): PayloadResource<never> {
  const element: XmlElement = {
    type: 'element',
    namespace: name.namespace,
    localName: name.localName,
    prefix: name.prefix,
    attributes: [],
    children: [],
  }
  return { ...fields, isDeleted: true, element: selfContained(element) }
}

/**
 * Builds a sync entry: the fields given, and empty `links`, `diagnoses` and `extensions` where they are left out.
 *
 * @example
 * ```ts
 * const entry = syncEntry({
 *   id: 'http://www.example.com/sdata/myApp/myContract/-/accounts(\'A1\')',
 *   syncState: { endpoint, tick: 5, stamp: stamp(new Date()) },
 *   payload: payload(Account, { name: 'Acme' }, { uuid: '0f2ef5c6-5a1d-4e0b-8d4b-1d3f9f6b2a10' }),
 * })
 * ```
 */
export function syncEntry<V = unknown>(init: SyncEntryInit<V> = {}): SyncEntry<V> {
  return withLists(init, ENTRY_LISTS)
}

/**
 * Builds a sync feed: the fields given, and empty `links`, `diagnoses`, `entries` and `extensions` where they are
 * left out. Encode it with `SyncFeedXml` (or `syncFeedXml(codec)` for typed payloads).
 *
 * @example
 * ```ts
 * const feed = syncFeed({ syncMode: 'catchUp', digest, entries: [entry] })
 * const xml = syncFeedXml(Account).encode(feed)
 * ```
 */
export function syncFeed<V = unknown>(init: SyncFeedInit<V> = {}): SyncFeed<V> {
  return withLists(init, FEED_LISTS)
}
