// The tracking body of a 202 answer (core §3.11, sync §5.2), described once: read in `…/sdata/2008/1` or, leniently,
// in the `…/sdata/2008` namespace the sync examples use (docs/decisions.md#s2); written back in the one it was read in.

import { type ElementDescription, leafChild } from '../codec/schema/describe'
import { DecimalValue, NonNegativeIntegerValue, TextValue, type ValueType } from '../codec/values'
import type { Tracking } from './model'
import { SDATA_LEGACY_NS, SDATA_NS } from './namespaces'

const member = (key: string, type: ValueType<any>) => leafChild(key, type, 'optional', { json: `$${key}` })

/**
 * `tracking`: phase, phase detail, progress (a decimal kept lexically), elapsed and remaining seconds and the polling
 * interval, all optional; unknown children kept in `extensions`, attributes in `attributes`. Written in its namespace
 * as the default one, as the spec's examples are. The JSON form is SData 2.0's `{ $tracking: { $phase, … } }`.
 *
 * @example
 * ```ts
 * compileReader(TRACKING, SDATA)(el, path, problems) // Tracking | undefined
 * ```
 */
export const TRACKING: ElementDescription<Tracking> = {
  namespace: SDATA_NS,
  namespaces: [SDATA_LEGACY_NS],
  name: 'tracking',
  children: [
    member('phase', TextValue),
    member('phaseDetail', TextValue),
    member('progress', DecimalValue),
    member('elapsedSeconds', NonNegativeIntegerValue),
    member('remainingSeconds', NonNegativeIntegerValue),
    member('pollingMillis', NonNegativeIntegerValue),
  ],
  leaves: 'strict',
  extensions: 'always',
  attributes: true,
  json: { what: 'a tracking document', plainAliases: false, keepUnknown: false, wrapper: '$tracking' },
  guard: ['namespace', 'extensions'],
}
