// The SData digest and digest entry (sync §4.2, appendix A sdatasync.xsd), each described once: children in any
// order on read, a missing origin, tick or conflictPriority tolerated (docs/decisions.md#s2), the XSD's order on write.

import { type ElementDescription, leafChild, manyChild } from '../codec/schema/describe'
import { compileReader, compileWriter } from '../codec/schema/xml'
import { IntegerValue, TextValue } from '../codec/values'
import type { Digest, DigestEntry } from './model'
import { SYNC_NS } from './namespaces'
import { VERSION } from './sync-state'
import { SDATA } from './tree'

/**
 * `sync:digestEntry`: endpoint and stamp required, tick and conflictPriority read as 0 when missing (SIF drops
 * zeros); unknown children kept in `extensions`, attributes in `attributes`.
 *
 * @example
 * ```ts
 * compileReader(DIGEST_ENTRY, SDATA)(el, path, problems) // DigestEntry | undefined
 * ```
 */
export const DIGEST_ENTRY: ElementDescription<DigestEntry> = {
  namespace: SYNC_NS,
  name: 'digestEntry',
  children: [...VERSION, leafChild('conflictPriority', IntegerValue, { default: 0 })],
  leaves: 'strict',
  extensions: 'optional',
  attributes: true,
  json: { what: 'a digestEntry', plainAliases: false, keepUnknown: true },
  guard: ['endpoint', 'tick'],
}

/**
 * `sync:digest`: an optional origin (§5.8 omits it) and the digest entries (JSON member `digestEntry`, as the .NET
 * client writes `$digest`).
 *
 * @example
 * ```ts
 * compileWriter(DIGEST, SDATA)({ entries: [] }) // <sync:digest/>
 * ```
 */
export const DIGEST: ElementDescription<Digest> = {
  namespace: SYNC_NS,
  name: 'digest',
  children: [leafChild('origin', TextValue, 'optional'), manyChild('entries', DIGEST_ENTRY, 'digestEntry')],
  leaves: 'strict',
  extensions: 'optional',
  attributes: true,
  json: { what: 'a digest', plainAliases: false, keepUnknown: true },
  guard: ['entries'],
}

/**
 * Reads a `sync:digest` (derived from {@link DIGEST}).
 *
 * @example
 * ```ts
 * readDigest(el, at(undefined, el), problems) // Digest | undefined
 * ```
 */
export const readDigest = compileReader(DIGEST, SDATA)
/**
 * Writes a `sync:digest` (derived from {@link DIGEST}).
 *
 * @example
 * ```ts
 * writeDigest({ entries: [] }) // <sync:digest/>
 * ```
 */
export const writeDigest = compileWriter(DIGEST, SDATA)
