// fast-check arbitraries for the parts of SData sync feeds: digests, sync states, diagnoses, tracking and links
// (sync §4.2–§4.4, §5.3, core §3.10/§3.11), generating only values that the SData codecs encode and decode back unchanged.
import fc from 'fast-check'
import { DIAGNOSES_DOCUMENT, DIAGNOSIS, type DiagnosesOwner } from '../../sdata/diagnosis'
import { DIGEST, DIGEST_ENTRY } from '../../sdata/digest'
import { LINK } from '../../sdata/leaves'
import type {
  DiagnosesDocument,
  Diagnosis,
  Digest,
  DigestEntry,
  Link,
  SyncMode,
  SyncState,
  Tracking,
} from '../../sdata/model'
import { SYNC_STATE } from '../../sdata/sync-state'
import { TRACKING } from '../../sdata/tracking'
import { arbEndpoint, arbTick, arbXmlText, type SDataArbitraryOptions, withRootAttributes } from './sdata-common'
import { arbitraryOfAttributes } from './sdata-groups'
import { arbitraryOf } from './sdata-schema'

/**
 * A `sync:digestEntry` (sync §4.2); priorities are mostly 1..9, sometimes 0 (absent) or out of range.
 *
 * @example
 * ```ts
 * fc.sample(arbDigestEntry(), 1)
 * ```
 */
export function arbDigestEntry(options: SDataArbitraryOptions = {}): fc.Arbitrary<DigestEntry> {
  const priority = fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 1, max: 9 }) },
    { weight: 1, arbitrary: fc.integer({ min: options.zeros === false ? 1 : 0, max: 1000 }) },
  )
  return arbitraryOf(DIGEST_ENTRY, options, {
    endpoint: arbEndpoint(options),
    tick: arbTick(options),
    conflictPriority: priority,
  })
}

/**
 * A `sync:digest`, with or without `origin` (§5.8 omits it).
 *
 * @example
 * ```ts
 * fc.sample(arbDigest({ maxDigestEntries: 2 }), 1)
 * ```
 */
export function arbDigest(options: SDataArbitraryOptions = {}): fc.Arbitrary<Digest> {
  return arbitraryOf(DIGEST, options, {
    origin: arbEndpoint(options),
    entries: fc.array(arbDigestEntry(options), { maxLength: options.maxDigestEntries ?? 4 }),
  })
}

/**
 * A `sync:syncState` (sync §4.3), `user` optional.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncState(), 1)
 * ```
 */
export function arbSyncState(options: SDataArbitraryOptions = {}): fc.Arbitrary<SyncState> {
  return arbitraryOf(SYNC_STATE, options, { endpoint: arbEndpoint(options), tick: arbTick(options) })
}

/**
 * A `sync:syncMode`.
 *
 * @example
 * ```ts
 * fc.sample(arbSyncMode(), 1) // ['catchUp']
 * ```
 */
export function arbSyncMode(): fc.Arbitrary<SyncMode> {
  return fc.constantFrom('catchUp', 'immediate')
}

/**
 * A `sdata:diagnosis` (core §3.10); `applicationCode` may be `null` (`xsi:nil`).
 *
 * @example
 * ```ts
 * fc.sample(arbDiagnosis(), 1)
 * ```
 */
export function arbDiagnosis(options: SDataArbitraryOptions = {}): fc.Arbitrary<Diagnosis> {
  return arbitraryOf(
    DIAGNOSIS,
    { ...options, rootAttributes: false },
    {
      severity: fc.constantFrom('Info', 'Warning', 'Transient', 'Error', 'Fatal', 'error'),
      sdataCode: fc.constantFrom('BadUrlSyntax', 'ApplicationDiagnosis', 'BadWhereSyntax'),
      applicationCode: arbXmlText(8),
      payloadPath: arbXmlText(8),
    },
  )
}

/**
 * The diagnoses of a feed or an entry: at most `max` diagnoses in runs, some wrapped in `sdata:diagnoses` (an empty
 * wrapper among them), the others bare; `diagnosesWrappers` is set only when there is a wrapper.
 *
 * @example
 * ```ts
 * fc.sample(arbDiagnosesOf({}, 2), 1) // e.g. { diagnoses: [d1, d2], diagnosesWrappers: [{ start: 0, count: 1 }] }
 * ```
 */
export function arbDiagnosesOf(options: SDataArbitraryOptions = {}, max = 2): fc.Arbitrary<DiagnosesOwner> {
  const run = fc.record({ wrapped: fc.boolean(), items: fc.array(arbDiagnosis(options), { maxLength: max }) })
  return fc.array(run, { maxLength: 2 }).map((runs) => {
    const owner: DiagnosesOwner = { diagnoses: [] }
    for (const { wrapped, items } of runs) {
      const room = items.slice(0, max - owner.diagnoses.length)
      if (wrapped) {
        owner.diagnosesWrappers ??= []
        owner.diagnosesWrappers.push({ start: owner.diagnoses.length, count: room.length })
      }
      for (const d of room) owner.diagnoses.push(d)
    }
    return owner
  })
}

/**
 * A standalone diagnoses document, derived from its root description (`DIAGNOSES_DOCUMENT`): root `diagnoses`, or a
 * bare `diagnosis` holding exactly one.
 *
 * @example
 * ```ts
 * fc.sample(arbDiagnosesDocument(), 1)
 * ```
 */
export function arbDiagnosesDocument(options: SDataArbitraryOptions = {}): fc.Arbitrary<DiagnosesDocument> {
  const { wrapper, key, tag } = DIAGNOSES_DOCUMENT
  const documentOf = (root: string, items: Diagnosis[]) =>
    ({ [tag]: root, [key]: items }) as unknown as DiagnosesDocument
  return withRootAttributes<DiagnosesDocument>(
    fc.oneof(
      fc.array(arbDiagnosis(options), { maxLength: 3 }).map((items) => documentOf(wrapper.name, items)),
      arbDiagnosis(options).map((d) => documentOf(wrapper.item.name, [d])),
    ),
    options,
  )
}

/**
 * A tracking body (core §3.11), in the `/1` namespace or the one the sync examples use.
 *
 * @example
 * ```ts
 * fc.sample(arbTracking(), 1)
 * ```
 */
export function arbTracking(options: SDataArbitraryOptions = {}): fc.Arbitrary<Tracking> {
  return arbitraryOf(TRACKING, options)
}

/**
 * An Atom link with any rel and attribute text (hrefs may hold line breaks, as the spec's `next` link does).
 *
 * @example
 * ```ts
 * fc.sample(arbLink(), 1)
 * ```
 */
export function arbLink(): fc.Arbitrary<Link> {
  return arbitraryOfAttributes<Link>(LINK, {
    rel: fc.oneof(
      fc.constantFrom(
        'self',
        'first',
        'next',
        'previous',
        'last',
        'edit',
        'http://schemas.sage.com/sdata/link-relations/schema',
      ),
      arbXmlText(8),
    ),
    href: fc.oneof(fc.webUrl(), arbXmlText()),
    type: fc.constantFrom('application/atom+xml; type=feed', 'application/atom+xml; type=entry', 'text/html'),
    title: arbXmlText(8),
  })
}
