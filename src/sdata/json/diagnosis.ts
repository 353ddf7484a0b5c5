// The SData JSON form of diagnoses: `$diagnoses` on feeds and entries, and standalone diagnoses documents.
// Implements SData 2.0 §04-0500 (diagnosis members, `$`-prefixed or plain as the .NET client writes them).
import * as t from 'io-ts'
import type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
import { jsonType, keptAttributes, readAttributes, withKept } from '../../codec/json/kept'
import { at, type Ctx, type Errs, fail, type JsonRecord, member, optArray, readObject } from '../../codec/json/read'
import { guardOf } from '../../codec/schema/describe'
import { compileJsonReader, compileJsonWriter } from '../../codec/schema/json'
import { DIAGNOSIS } from '../diagnosis'
import type { DiagnosesDocument, Diagnosis } from '../model'

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

export function readDiagnoses(errs: Errs, o: JsonRecord, c: Ctx): Diagnosis[] {
  if (member(o, '$diagnoses') !== undefined) {
    return optArray(errs, o, '$diagnoses', c, (v, vc) => readDiagnosis(errs, v, vc)) ?? []
  }
  // SData 2.0's member tables call it `$diagnosis` (an object); accept one object or an array under that name.
  const single = member(o, '$diagnosis')
  if (single === undefined) return []
  if (Array.isArray(single)) return optArray(errs, o, '$diagnosis', c, (v, vc) => readDiagnosis(errs, v, vc)) ?? []
  const d = readDiagnosis(errs, single, at(c, '$diagnosis', t.unknown, single))
  return d === undefined ? [] : [d]
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

function readDiagnosesDocument(errs: Errs, u: unknown, c: Ctx): DiagnosesDocument | undefined {
  const o = readObject(errs, u, c, 'a diagnoses document')
  if (o === undefined) return undefined
  const single = member(o, '$diagnosis')
  const attributes = readAttributes(errs, o, c)
  if (member(o, '$diagnoses') === undefined && single !== undefined && !Array.isArray(single)) {
    const d = readDiagnosis(errs, single, at(c, '$diagnosis', t.unknown, single))
    return d === undefined
      ? undefined
      : withKept<DiagnosesDocument>({ root: 'diagnosis', diagnoses: [d] }, undefined, attributes)
  }
  if (member(o, '$diagnoses') === undefined && single === undefined) {
    return fail(errs, o, at(c, '$diagnoses', t.UnknownArray, undefined), '$diagnoses is missing')
  }
  return withKept<DiagnosesDocument>({ root: 'diagnoses', diagnoses: readDiagnoses(errs, o, c) }, undefined, attributes)
}

function encodeDiagnosesDocument(d: DiagnosesDocument): DiagnosesJsonObject {
  const body =
    d.root === 'diagnosis' && d.diagnoses.length === 1
      ? { $diagnosis: encodeDiagnosis(d.diagnoses[0]!) }
      : { $diagnoses: d.diagnoses.map(encodeDiagnosis) }
  const attributes = keptAttributes(d)
  return attributes === undefined ? body : { ...body, $attributes: attributes }
}

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
>('DiagnosesJson', (u) => Array.isArray(u.diagnoses), readDiagnosesDocument, encodeDiagnosesDocument)
