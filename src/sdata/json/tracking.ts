// The SData JSON form of a tracking body: `{ $tracking: { $phase, $progress, … } }` for asynchronous operations.
// Implements SData 2.0 §04-0500 (tracking) for the core §3.11 tracking resource.
import * as t from 'io-ts'
import type { Tracking } from '../model'
import type { AttributeJsonObject, ElementJsonObject } from './element'
import { encodeExtensions, jsonType, keptAttributes, readAttributes, readExtensions, withKept } from './kept'
import { at, type Ctx, compact, type Errs, fail, member, optInteger, optString, readObject } from './read'

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

const SDATA_NAMESPACE = 'http://schemas.sage.com/sdata/2008/1'
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/

function readTracking(errs: Errs, u: unknown, c: Ctx): Tracking | undefined {
  const outer = readObject(errs, u, c, 'a tracking document')
  if (outer === undefined) return undefined
  const inner = member(outer, '$tracking')
  // The bare member object is read too, as clients that unwrap `$tracking` send it.
  const here = inner === undefined ? c : at(c, '$tracking', t.unknown, inner)
  const o = inner === undefined ? outer : readObject(errs, inner, here, '$tracking')
  if (o === undefined) return undefined
  const tracking: Tracking = { namespace: optString(errs, o, '$namespace', here) ?? SDATA_NAMESPACE, extensions: [] }
  for (const key of ['phase', 'phaseDetail'] as const) {
    const value = optString(errs, o, `$${key}`, here)
    if (value !== undefined) tracking[key] = value
  }
  const progress = member(o, '$progress')
  if (typeof progress === 'number' && Number.isFinite(progress)) tracking.progress = String(progress)
  else if (typeof progress === 'string' && DECIMAL.test(progress)) tracking.progress = progress
  else if (progress !== undefined) {
    fail(errs, progress, at(here, '$progress', t.unknown, progress), '$progress must be a decimal number')
  }
  for (const key of ['elapsedSeconds', 'remainingSeconds', 'pollingMillis'] as const) {
    const value = optInteger(errs, o, `$${key}`, here)
    if (value !== undefined) tracking[key] = value
  }
  tracking.extensions = readExtensions(errs, o, here)
  return withKept(tracking, undefined, readAttributes(errs, o, here))
}

function encodeTracking(tr: Tracking): TrackingJsonObject {
  const progress =
    tr.progress === undefined
      ? undefined
      : String(Number(tr.progress)) === tr.progress
        ? Number(tr.progress)
        : tr.progress
  return {
    $tracking: compact({
      $phase: tr.phase,
      $phaseDetail: tr.phaseDetail,
      $progress: progress,
      $elapsedSeconds: tr.elapsedSeconds,
      $remainingSeconds: tr.remainingSeconds,
      $pollingMillis: tr.pollingMillis,
      $namespace: tr.namespace === SDATA_NAMESPACE ? undefined : tr.namespace,
      $extensions: encodeExtensions(tr.extensions),
      $attributes: keptAttributes(tr),
    }),
  }
}

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
  (u) => typeof u.namespace === 'string' && Array.isArray(u.extensions),
  readTracking,
  encodeTracking,
)
