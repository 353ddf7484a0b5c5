// The sync values several layers share (SData sync §4.2–§4.3): digests, digest entries, sync states, sync modes.
// Plain types below sdata/ and conflict/, so the conflict logic needs nothing from the codecs (types only here).
import type { XmlAttribute, XmlElement } from '../xml/types'
import type { Stamp } from './stamp'

export type { Stamp } from './stamp'

/**
 * A JSON value, as the JSON mapping keeps the members it does not model.
 *
 * @example
 * ```ts
 * const v: JsonValue = { Title: 'T', shipDate: null, lines: [1, 2] }
 * ```
 */
export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue }

/**
 * Members of a JSON object that the SData JSON mapping does not model, kept verbatim in the order read: unknown
 * `$` members (`$name`, `$baseUrl`, `$permissions`, …), `null` values of modelled members (SData 2.0 lets any member
 * be `null`; the modelled field then reads as absent), and members written in a form the encoder would otherwise
 * leave out (`$links: []`, `$isDeleted: false`). The JSON codecs write each one back unless the modelled field now
 * holds a value (a modelled value always wins); the XML codecs neither read nor write them.
 *
 * @example
 * ```ts
 * const kept: JsonMembers = { $name: 'Employee', $etag: null }
 * ```
 */
export type JsonMembers = { [key: string]: JsonValue }

/**
 * One (endpoint, tick, stamp, conflictPriority) triplet of a digest (sync §4.2).
 *
 * @example
 * ```ts
 * const e: DigestEntry = { endpoint: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', tick: 6, stamp, conflictPriority: 2 }
 * ```
 */
export interface DigestEntry {
  /** The endpoint URL (the collection at an application). */
  endpoint: string
  /** The next tick not yet incorporated from that endpoint (exclusive bound, sync §2.4). */
  tick: number
  /** When this entry's tick last changed. */
  stamp: Stamp
  /** 1..9, lower wins conflicts; 0 when the element was absent (SIF drops zeros). */
  conflictPriority: number
  /** Child elements not modelled (foreign or unknown), kept and written back; absent when there are none. */
  extensions?: XmlElement[]
  /** Attributes of the element other than namespace declarations (foreign ones, `xml:lang`…), kept and written back; absent when there are none. */
  attributes?: XmlAttribute[]
  /** JSON members the mapping does not model, kept by the JSON codecs (see {@link JsonMembers}); absent when there are none. */
  jsonMembers?: JsonMembers
}

/**
 * A collection's digest: its knowledge of every endpoint (sync §4.2).
 *
 * @example
 * ```ts
 * const d: Digest = { origin: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', entries: [e] }
 * ```
 */
export interface Digest {
  /** The endpoint the digest came from; optional because §5.8's example omits it. */
  origin?: string
  /** One entry per endpoint known to the provider. */
  entries: DigestEntry[]
  /** Child elements not modelled (foreign or unknown), kept and written back; absent when there are none. */
  extensions?: XmlElement[]
  /** Attributes of the element other than namespace declarations (foreign ones, `xml:lang`…), kept and written back; absent when there are none. */
  attributes?: XmlAttribute[]
  /** JSON members the mapping does not model, kept by the JSON codecs (see {@link JsonMembers}); absent when there are none. */
  jsonMembers?: JsonMembers
}

/**
 * The per-resource version: where, at which tick and when it was last modified (sync §4.3).
 *
 * @example
 * ```ts
 * const s: SyncState = { endpoint: 'http://www.example.com/sdata/myApp1/myContract/-/accounts', tick: 5, stamp }
 * ```
 */
export interface SyncState {
  /** The endpoint where the resource was last modified (created, updated or deleted). */
  endpoint: string
  /** The tick at that endpoint. */
  tick: number
  /** When it was modified. */
  stamp: Stamp
  /** Who modified it (optional). */
  user?: string
  /** Child elements not modelled (foreign or unknown), kept and written back; absent when there are none. */
  extensions?: XmlElement[]
  /** Attributes of the element other than namespace declarations (foreign ones, `xml:lang`…), kept and written back; absent when there are none. */
  attributes?: XmlAttribute[]
  /** JSON members the mapping does not model, kept by the JSON codecs (see {@link JsonMembers}); absent when there are none. */
  jsonMembers?: JsonMembers
}

/**
 * `catchUp` for engine-driven passes, `immediate` for pushes (sync §3.1, §3.4).
 *
 * @example
 * ```ts
 * const mode: SyncMode = 'catchUp'
 * ```
 */
export type SyncMode = 'catchUp' | 'immediate'
