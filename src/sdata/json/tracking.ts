// The SData JSON form of a tracking body: `{ $tracking: { $phase, $progress, … } }` for asynchronous operations.
// Implements SData 2.0 §04-0500 (tracking) for the core §3.11 tracking resource.
import type * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import { jsonType } from '../../codec/json/kept'
import { guardOf } from '../../codec/schema/describe'
import { compileJsonReader, compileJsonWriter } from '../../codec/schema/json'
import type { Tracking } from '../model'
import { TRACKING } from '../tracking'

/**
 * JSON form of a tracking body (SData 2.0 §04-0500: `{ $tracking: { $phase, … } }`). `$progress` is a JSON number
 * when that number prints back as the same decimal, else the decimal as a string (so `12.0` survives);
 * `$namespace` appears only for the `…/sdata/2008` namespace the sync examples use.
 *
 * @example
 * ```ts
 * const tr: TrackingJsonObject = { $tracking: { $phase: 'Archiving FY 2007', $progress: 12, $elapsedSeconds: 95, $pollingMillis: 500 } }
 * ```
 */
export interface TrackingJsonObject {
  /** The tracking members. */
  $tracking: {
    /** Current phase. */
    $phase?: string
    /** Detail of the phase. */
    $phaseDetail?: string
    /** Progress in percent. */
    $progress?: number | string
    /** Seconds elapsed. */
    $elapsedSeconds?: number
    /** Seconds remaining. */
    $remainingSeconds?: number
    /** When to poll again, in milliseconds. */
    $pollingMillis?: number
    /** The XML namespace, when it is not `http://schemas.sage.com/sdata/2008/1`. */
    $namespace?: string
    /** Unmodelled child elements. */
    $extensions?: ElementJsonObject[]
    /** Attributes of the root other than namespace declarations, losslessly (present when the value has them). */
    $attributes?: AttributeJsonObject[]
  }
}

const readTracking = compileJsonReader(TRACKING)
const encodeTracking = compileJsonWriter<Tracking, TrackingJsonObject>(TRACKING)

/**
 * A tracking body (core §3.11) ↔ its SData 2.0 JSON form ({@link TrackingJsonObject}).
 *
 * @example
 * ```ts
 * TrackingJson.decode({ $tracking: { $phase: 'Running', $progress: 12.5, $pollingMillis: 500 } })
 * // right({ namespace: 'http://schemas.sage.com/sdata/2008/1', phase: 'Running', progress: '12.5', pollingMillis: 500, extensions: [] })
 * ```
 */
export const TrackingJson: t.Type<Tracking, TrackingJsonObject, unknown> = jsonType<Tracking, TrackingJsonObject>(
  'TrackingJson',
  guardOf(TRACKING),
  readTracking,
  encodeTracking,
)
