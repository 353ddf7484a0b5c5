// SData diagnoses (core §3.10, sdata.xsd diagnosis--type), described once: members in any order, all optional on
// read, unknown children kept; `applicationCode` with `xsi:nil="true"` (Sage 50) reads as null.

import { type ElementDescription, leafChild } from '../codec/schema/describe'
import { compileReader, compileWriter } from '../codec/schema/xml'
import { TextValue } from '../codec/values'
import type { XmlElement } from '../xml/types'
import type { DiagnosesDocument, DiagnosesWrapper, Diagnosis } from './model'
import { SDATA_NS } from './namespaces'
import { at, type Path, type Problems } from './read'
import { compileWrapper, isPlainItem, type RootDescription, type WrapperDescription } from './schema/root'
import { SDATA } from './tree'

const text = (key: string, nillable = false) => leafChild(key, TextValue, 'optional', { json: `$${key}`, nillable })

/**
 * `sdata:diagnosis`: six optional text members in the XSD's order. Members that cannot be held losslessly as text
 * (child elements, attributes, a second occurrence) stay in `extensions`, so nothing is dropped, and reading fails
 * only on text beside the children, which no member could hold (in a feed or an entry such a diagnosis is kept
 * whole, as an extension). JSON members are SData 2.0's `$`-prefixed names; the plain names the .NET client writes are read too.
 *
 * @example
 * ```ts
 * compileReader(DIAGNOSIS, SDATA)(el, path, problems) // Diagnosis
 * ```
 */
export const DIAGNOSIS: ElementDescription<Diagnosis> = {
  namespace: SDATA_NS,
  name: 'diagnosis',
  children: [
    text('severity'),
    text('sdataCode'),
    text('applicationCode', true),
    text('message'),
    text('stackTrace'),
    text('payloadPath'),
  ],
  leaves: 'lenient',
  extensions: 'always',
  attributes: false,
  json: { what: 'a diagnosis', plainAliases: true, keepUnknown: true },
  guard: ['extensions'],
}

const read = compileReader(DIAGNOSIS, SDATA)

/**
 * Reads an `sdata:diagnosis` (what the model cannot hold stays in `extensions`); give it a plain one (`isPlainItem`),
 * which never fails.
 *
 * @example
 * ```ts
 * readDiagnosis(el, at(undefined, el), problems).severity // 'error'
 * ```
 */
export const readDiagnosis = (el: XmlElement, path: Path, problems: Problems): Diagnosis =>
  read(el, path, problems) as Diagnosis

/**
 * Writes an `sdata:diagnosis`, members in the XSD's order, then the kept extensions.
 *
 * @example
 * ```ts
 * writeDiagnosis({ severity: 'error', extensions: [] }) // <sdata:diagnosis><sdata:severity>error</…
 * ```
 */
export const writeDiagnosis = compileWriter(DIAGNOSIS, SDATA)

/**
 * `sdata:diagnoses` (core §3.10): a wrapper holding nothing but diagnoses, in a feed, an entry or as a document's
 * root. Its reader and writer are derived (`compileWrapper`).
 *
 * @example
 * ```ts
 * compileWrapper(DIAGNOSES).read(el, at(undefined, el), problems) // Diagnosis[] | undefined
 * ```
 */
export const DIAGNOSES: WrapperDescription<Diagnosis> = { namespace: SDATA_NS, name: 'diagnoses', item: DIAGNOSIS }

/**
 * A standalone diagnoses document (core §3.10): root `sdata:diagnoses`, or a bare `sdata:diagnosis` as Sage 50
 * answers errors; `root` records which, `diagnoses` holds them. Its reader, writer, guard and accepted root names are
 * derived (`compileRoot`).
 *
 * @example
 * ```ts
 * elementCodec('DiagnosesElement', compileRoot(DIAGNOSES_DOCUMENT))
 * ```
 */
export const DIAGNOSES_DOCUMENT: RootDescription<DiagnosesDocument> = {
  wrapper: DIAGNOSES,
  single: true,
  key: 'diagnoses',
  tag: 'root',
}

const wrapper = compileWrapper(DIAGNOSES)

/**
 * The diagnoses of a feed or an entry with the `sdata:diagnoses` wrappers they were read in (see
 * {@link DiagnosesWrapper}).
 *
 * @example
 * ```ts
 * const d: DiagnosesOwner = { diagnoses: [one, two], diagnosesWrappers: [{ start: 0, count: 1 }] }
 * ```
 */
export interface DiagnosesOwner {
  diagnoses: Diagnosis[]
  diagnosesWrappers?: DiagnosesWrapper[]
}

/**
 * Reads a child of a feed or an entry into `owner` when it is a plain diagnosis (no attributes, no text beside its
 * children) or an `sdata:diagnoses` wrapper holding nothing but such diagnoses (the wrapper recorded in `diagnosesWrappers`); false
 * when it is neither, and the caller keeps it as an extension.
 *
 * @example
 * ```ts
 * if (!readDiagnosisChild(c, path, problems, entry)) entry.extensions.push(selfContained(c))
 * ```
 */
export function readDiagnosisChild(c: XmlElement, path: Path, problems: Problems, owner: DiagnosesOwner): boolean {
  if (c.namespace !== SDATA_NS) return false
  if (c.localName === DIAGNOSIS.name && isPlainItem(c)) {
    owner.diagnoses.push(readDiagnosis(c, at(path, c, true), problems))
    return true
  }
  if (c.localName !== DIAGNOSES.name) return false
  const list = wrapper.read(c, at(path, c), problems)
  if (list === undefined) return false
  owner.diagnosesWrappers ??= []
  owner.diagnosesWrappers.push({ start: owner.diagnoses.length, count: list.length })
  for (const d of list) owner.diagnoses.push(d)
  return true
}

/**
 * Writes the diagnoses of a feed or an entry as read: each wrapper in `diagnosesWrappers` around the run it names,
 * the others bare. Every diagnosis is written exactly once whatever the wrappers say: a run that starts inside one
 * written before starts after it instead, and a run that reaches past the end stops there.
 *
 * @example
 * ```ts
 * writeDiagnoses({ diagnoses: [one, two], diagnosesWrappers: [{ start: 0, count: 1 }] })
 * // [<sdata:diagnoses><sdata:diagnosis>…one…</sdata:diagnoses>, <sdata:diagnosis>…two…]
 * ```
 */
export function writeDiagnoses(owner: DiagnosesOwner): XmlElement[] {
  const { diagnoses, diagnosesWrappers } = owner
  if (diagnosesWrappers === undefined) return diagnoses.map(writeDiagnosis)
  const out: XmlElement[] = []
  const n = diagnoses.length
  let i = 0
  for (const w of diagnosesWrappers) {
    const start = Math.min(Math.max(w.start, i), n)
    while (i < start) out.push(writeDiagnosis(diagnoses[i++]!))
    const end = Math.min(i + Math.max(w.count, 0), n)
    const wrapped: Diagnosis[] = []
    while (i < end) wrapped.push(diagnoses[i++]!)
    out.push(wrapper.write(wrapped))
  }
  while (i < n) out.push(writeDiagnosis(diagnoses[i++]!))
  return out
}
