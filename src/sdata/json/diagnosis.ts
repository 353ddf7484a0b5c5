// The SData JSON form of diagnoses: `$diagnoses` on feeds and entries, and standalone diagnoses documents.
// Implements SData 2.0 §04-0500 (diagnosis members, `$`-prefixed or plain as the .NET client writes them).
import * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import { jsonType, nonEmpty } from '../../codec/json/kept'
import {
  at,
  type Ctx,
  type Errs,
  fail,
  type JsonRecord,
  member,
  optArray,
  optInteger,
  readObject,
} from '../../codec/json/read'
import { guardOf } from '../../codec/schema/describe'
import { compileJsonReader, compileJsonWriter } from '../../codec/schema/json'
import { DIAGNOSES, DIAGNOSES_DOCUMENT, DIAGNOSIS, type DiagnosesOwner } from '../diagnosis'
import type { DiagnosesDocument, DiagnosesWrapper, Diagnosis } from '../model'
import { rootJson, wrapperJson } from './root'

/**
 * JSON form of a diagnosis, with SData 2.0's `$`-prefixed members (docs/decisions.md#s14). Child elements the
 * model does not know go to `$extensions` in the lossless element form.
 *
 * @example
 * ```ts
 * const d: DiagnosisJsonObject = { $severity: 'error', $sdataCode: 'BadWhereSyntax', $message: 'Invalid query syntax', $applicationCode: '2403' }
 * ```
 */
export interface DiagnosisJsonObject {
  /** Kept members the mapping does not model (see `JsonMembers`). */
  [member: string]: unknown
  /** Severity. */
  $severity?: string
  /** The SData code. */
  $sdataCode?: string
  /** The application's code; `null` for `xsi:nil`. */
  $applicationCode?: string | null
  /** Friendly message. */
  $message?: string
  /** Stack trace. */
  $stackTrace?: string
  /** XPath of the offending payload element. */
  $payloadPath?: string
  /** Unmodelled child elements. */
  $extensions?: ElementJsonObject[]
}

/** Writes a diagnosis's JSON form (derived from its description). */
export const encodeDiagnosis = compileJsonWriter<Diagnosis, DiagnosisJsonObject>(DIAGNOSIS)

/** Reads a diagnosis's JSON form (`$`-prefixed members, or the plain names the .NET client writes). */
export const readDiagnosis = compileJsonReader(DIAGNOSIS)

/**
 * JSON form of an `sdata:diagnoses` wrapper of a feed or an entry, an item of `$diagnosesWrappers`: the run of
 * `$diagnoses` it held (the diagnoses themselves stay in `$diagnoses`, as SData 2.0 writes them).
 *
 * @example
 * ```ts
 * const w: DiagnosesWrapperJsonObject = { start: 0, count: 1 }
 * ```
 */
export interface DiagnosesWrapperJsonObject {
  /** The index in `$diagnoses` of the first diagnosis it held. */
  start: number
  /** How many diagnoses it held. */
  count: number
}

/**
 * The diagnoses members of a feed or an entry: `$diagnoses` (left out when empty) and `$diagnosesWrappers` (when the
 * value has wrappers).
 *
 * @example
 * ```ts
 * encodeDiagnosesOf({ diagnoses: [d], diagnosesWrappers: [{ start: 0, count: 1 }] })
 * // { $diagnoses: [{ $severity: 'error' }], $diagnosesWrappers: [{ start: 0, count: 1 }] }
 * ```
 */
export function encodeDiagnosesOf(owner: DiagnosesOwner): {
  $diagnoses?: DiagnosisJsonObject[]
  $diagnosesWrappers?: DiagnosesWrapperJsonObject[]
} {
  const out: { $diagnoses?: DiagnosisJsonObject[]; $diagnosesWrappers?: DiagnosesWrapperJsonObject[] } = {}
  const diagnoses = nonEmpty(owner.diagnoses?.map(encodeDiagnosis))
  if (diagnoses !== undefined) out.$diagnoses = diagnoses
  const wrappers = owner.diagnosesWrappers
  if (wrappers !== undefined) out.$diagnosesWrappers = wrappers.map((w) => ({ start: w.start, count: w.count }))
  return out
}

const WRAPPER_MEMBERS: ReadonlySet<string> = new Set(['start', 'count'])

function readWrapper(errs: Errs, u: unknown, c: Ctx): DiagnosesWrapper | undefined {
  const o = readObject(errs, u, c, 'a diagnoses wrapper')
  if (o === undefined) return undefined
  const before = errs.length
  for (const key of Object.keys(o)) {
    if (!WRAPPER_MEMBERS.has(key))
      fail(errs, o[key], at(c, key, t.unknown, o[key]), `${key} is not a member of a diagnoses wrapper`)
  }
  for (const key of WRAPPER_MEMBERS) {
    if (member(o, key) === undefined) fail(errs, o, at(c, key, t.number, undefined), `${key} is missing`)
  }
  const start = optInteger(errs, o, 'start', c, 0)
  const count = optInteger(errs, o, 'count', c, 0)
  return errs.length > before || start === undefined || count === undefined ? undefined : { start, count }
}

// The diagnoses of a feed or an entry, as the wrapper description `DIAGNOSES` derives them.
const items = wrapperJson(DIAGNOSES)

/**
 * Reads the diagnoses members of a feed or an entry: `$diagnoses` (or SData 2.0's `$diagnosis`, as its member tables
 * call it: one object or an array) and `$diagnosesWrappers`.
 *
 * @example
 * ```ts
 * readDiagnosesOf(errs, { $diagnoses: [{ $message: 'one' }], $diagnosesWrappers: [{ start: 0, count: 1 }] }, c)
 * ```
 */
export function readDiagnosesOf(errs: Errs, o: JsonRecord, c: Ctx): DiagnosesOwner {
  const out: DiagnosesOwner = { diagnoses: items.readItems(errs, o, c) }
  const wrappers = optArray(errs, o, '$diagnosesWrappers', c, (v, vc) => readWrapper(errs, v, vc))
  if (wrappers !== undefined) out.diagnosesWrappers = wrappers
  return out
}

/**
 * A diagnosis ↔ its SData 2.0 JSON form (`$severity`, `$sdataCode`, `$applicationCode`, `$message`,
 * `$stackTrace`, `$payloadPath`; `$extensions` for unmodelled children). Plain member names, as the .NET
 * client writes them, are read too.
 *
 * @example
 * ```ts
 * DiagnosisJson.decode({ $severity: 'error', $sdataCode: 'BadWhereSyntax', $applicationCode: null })
 * // right({ severity: 'error', sdataCode: 'BadWhereSyntax', applicationCode: null, extensions: [] })
 * ```
 */
export const DiagnosisJson: t.Type<Diagnosis, DiagnosisJsonObject, unknown> = jsonType<Diagnosis, DiagnosisJsonObject>(
  'DiagnosisJson',
  guardOf(DIAGNOSIS),
  readDiagnosis,
  encodeDiagnosis,
)

/**
 * JSON form of a standalone diagnoses document: `{ $diagnoses: [...] }` (SData 2.0 §04-0500), or
 * `{ $diagnosis: {...} }` for the bare `diagnosis` root that Sage 50 sends; `$attributes` holds the root's attributes
 * other than namespace declarations, when it has any.
 *
 * @example
 * ```ts
 * const d: DiagnosesJsonObject = { $diagnoses: [{ $severity: 'error', $sdataCode: 'BadWhereSyntax' }] }
 * ```
 */
export type DiagnosesJsonObject = ({ $diagnoses: DiagnosisJsonObject[] } | { $diagnosis: DiagnosisJsonObject }) & {
  $attributes?: AttributeJsonObject[]
}

const document = rootJson(DIAGNOSES_DOCUMENT)

/**
 * A standalone diagnoses document ↔ its JSON form ({@link DiagnosesJsonObject}); a `diagnosis` root is written as
 * `$diagnosis` only when it holds exactly one diagnosis, as `DiagnosesXml` does.
 *
 * @example
 * ```ts
 * DiagnosesJson.encode({ root: 'diagnosis', diagnoses: [{ severity: 'error', extensions: [] }] }) // { $diagnosis: { $severity: 'error' } }
 * ```
 */
export const DiagnosesJson: t.Type<DiagnosesDocument, DiagnosesJsonObject, unknown> = jsonType<
  DiagnosesDocument,
  DiagnosesJsonObject
>('DiagnosesJson', document.is, document.read, document.write as (d: DiagnosesDocument) => DiagnosesJsonObject)
