// The SData synchronization value model (sync §4.2–§4.4, §5.3): plain types shared by the sdata codecs
// and the conflict logic, which imports nothing else from this folder.
import type { XmlElement } from '../xml/types'

/** The lexical xs:dateTime of a stamp, kept exactly as read (see `compareStamps`, `stampToEpochMs`). */
export type Stamp = string & { readonly Stamp: unique symbol }

/** One (endpoint, tick, stamp, conflictPriority) triplet of a digest (sync §4.2). */
export interface DigestEntry {
  /** The endpoint URL (the collection at an application). */
  endpoint: string
  /** The next tick not yet incorporated from that endpoint (exclusive bound, sync §2.4). */
  tick: number
  /** When this entry's tick last changed. */
  stamp: Stamp
  /** 1..9, lower wins conflicts; 0 when the element was absent (SIF drops zeros). */
  conflictPriority: number
}

/** A collection's digest: its knowledge of every endpoint (sync §4.2). */
export interface Digest {
  /** The endpoint the digest came from; optional because §5.8's example omits it. */
  origin?: string
  /** One entry per endpoint known to the provider. */
  entries: DigestEntry[]
}

/** The per-resource version: where, at which tick and when it was last modified (sync §4.3). */
export interface SyncState {
  /** The endpoint where the resource was last modified (created, updated or deleted). */
  endpoint: string
  /** The tick at that endpoint. */
  tick: number
  /** When it was modified. */
  stamp: Stamp
  /** Who modified it (optional). */
  user?: string
}

/** `catchUp` for engine-driven passes, `immediate` for pushes (sync §3.1, §3.4). */
export type SyncMode = 'catchUp' | 'immediate'
