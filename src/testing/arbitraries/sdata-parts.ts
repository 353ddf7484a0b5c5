// fast-check arbitraries for the parts of SData sync feeds: digests, sync states, diagnoses, tracking and links
// (sync §4.2–§4.4, §5.3, core §3.10/§3.11), generating only values that the SData codecs encode and decode back unchanged.
import fc from 'fast-check'
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

import {
  arbEndpoint,
  arbForeignExtensions,
  arbStamp,
  arbTick,
  arbXmlText,
  SDATA,
  type SDataArbitraryOptions,
  withRootAttributes,
  withStateExtras,
} from './sdata-common'

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
  return withStateExtras(
    fc.record({
      endpoint: arbEndpoint(options),
      tick: arbTick(options),
      stamp: arbStamp(options),
      conflictPriority: priority,
    }),
    options,
  )
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
  return withStateExtras(
    fc.record(
      {
        origin: arbEndpoint(options),
        entries: fc.array(arbDigestEntry(options), { maxLength: options.maxDigestEntries ?? 4 }),
      },
      { requiredKeys: ['entries'] },
    ),
    options,
  )
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
  return withStateExtras(
    fc.record(
      { endpoint: arbEndpoint(options), tick: arbTick(options), stamp: arbStamp(options), user: arbXmlText() },
      { requiredKeys: ['endpoint', 'tick', 'stamp'] },
    ),
    options,
  )
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
  return fc.record(
    {
      severity: fc.constantFrom('Info', 'Warning', 'Transient', 'Error', 'Fatal', 'error'),
      sdataCode: fc.constantFrom('BadUrlSyntax', 'ApplicationDiagnosis', 'BadWhereSyntax'),
      applicationCode: fc.option(arbXmlText(8), { nil: null }),
      message: arbXmlText(),
      stackTrace: arbXmlText(),
      payloadPath: arbXmlText(8),
      extensions: arbForeignExtensions(options),
    },
    { requiredKeys: ['extensions'] },
  )
}

/**
 * A standalone diagnoses document: root `diagnoses`, or a bare `diagnosis` holding exactly one.
 *
 * @example
 * ```ts
 * fc.sample(arbDiagnosesDocument(), 1)
 * ```
 */
export function arbDiagnosesDocument(options: SDataArbitraryOptions = {}): fc.Arbitrary<DiagnosesDocument> {
  return withRootAttributes<DiagnosesDocument>(
    fc.oneof(
      fc.array(arbDiagnosis(options), { maxLength: 3 }).map((diagnoses) => ({ root: 'diagnoses' as const, diagnoses })),
      arbDiagnosis(options).map((d) => ({ root: 'diagnosis' as const, diagnoses: [d] })),
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
  return withRootAttributes<Tracking>(
    fc.record(
      {
        namespace: fc.constantFrom(SDATA, 'http://schemas.sage.com/sdata/2008'),
        phase: arbXmlText(),
        phaseDetail: arbXmlText(),
        progress: fc.stringMatching(/^[0-9]{1,3}(\.[0-9]{1,2})?$/),
        elapsedSeconds: fc.nat(),
        remainingSeconds: fc.nat(),
        pollingMillis: fc.nat(),
        extensions: arbForeignExtensions(options),
      },
      { requiredKeys: ['namespace', 'extensions'] },
    ),
    options,
  )
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
  return fc.record(
    {
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
    },
    { requiredKeys: ['href'] },
  )
}
