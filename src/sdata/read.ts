// Internal decoding machinery for the SData codecs: XML paths built only when an error occurs, and the text
// primitives of sync §4.2/§4.3 and core §3.10/§3.11 (ticks, integers, stamps, booleans) read leniently (docs/decisions.md#s2).
import type * as t from 'io-ts'
import { readBooleanLexical, trimXmlSpace } from '../codec/boolean'
import { xmlStep } from '../codec/context'
import { readStampLexical } from '../codec/datetime'
import { readIntegerLexical } from '../codec/integer'
import { qname } from '../codec/names'
import { elementText } from '../xml/tree'
import type { XmlAttribute, XmlElement } from '../xml/types'
import type { Stamp } from './model'
import { CONVENTIONAL_PREFIXES } from './namespaces'
import { hasElementChildren } from './tree'

/** One step of the path to the node being decoded; a linked list so the success path allocates nothing. */
export interface Path {
  readonly parent: Path | undefined
  /** `element` or `attribute`. */
  readonly kind: 'element' | 'attribute'
  /** Namespace of the node (expected, when it is missing). */
  readonly namespace: string | null
  /** Local name. */
  readonly localName: string
  /** Whether the element belongs to a repeated member (the path then shows its position, `entry[3]`). */
  readonly repeated: boolean
  /** The element or attribute the step stands for; `undefined` when it is missing. */
  readonly actual: XmlElement | XmlAttribute | undefined
}

/** The step for an element that is present. */
export function at(parent: Path | undefined, el: XmlElement, repeated = false): Path {
  return { parent, kind: 'element', namespace: el.namespace, localName: el.localName, repeated, actual: el }
}

/** The step for an element that is expected but missing (named with its conventional prefix). */
export function missingAt(parent: Path | undefined, namespace: string | null, localName: string): Path {
  return { parent, kind: 'element', namespace, localName, repeated: false, actual: undefined }
}

/** The step for an attribute that is present. */
export function attrAt(parent: Path, a: XmlAttribute): Path {
  return { parent, kind: 'attribute', namespace: a.namespace, localName: a.localName, repeated: false, actual: a }
}

/** Turns a path into io-ts context entries with the codec kit's markers, so the shared `reportErrors` prints it. */
function contextOf(base: t.Context, path: Path | undefined): t.Context {
  const steps: Path[] = []
  for (let p = path; p !== undefined; p = p.parent) steps.push(p)
  const out: t.ContextEntry[] = [...base]
  for (let i = steps.length - 1; i >= 0; i--) {
    const s = steps[i]!
    const ns = s.namespace
    const prefix =
      ns === null ? null : CONVENTIONAL_PREFIXES.has(ns) ? CONVENTIONAL_PREFIXES.get(ns)! : (s.actual?.prefix ?? null)
    const step = xmlStep(s.kind, [qname(s.namespace, s.localName, prefix)], s.repeated)
    out.push({ key: s.localName, type: step, actual: s.actual })
  }
  return out
}

/** Collects errors while decoding one document. */
export class Problems {
  readonly errors: t.ValidationError[] = []
  constructor(readonly base: t.Context) {}

  /** Records an error at `path` with a message saying what was expected and what was found. */
  add(path: Path | undefined, actual: unknown, message: string): void {
    this.errors.push({ value: actual, context: contextOf(this.base, path), message })
  }

  /** Records errors a nested io-ts codec returned (their contexts already start with {@link context}). */
  addAll(errors: t.Errors): void {
    for (const e of errors) this.errors.push(e)
  }

  /** The io-ts context for `path`, for handing to a caller's codec. */
  context(path: Path | undefined): t.Context {
    return contextOf(this.base, path)
  }
}

function quote(s: string): string {
  return JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s)
}

/** The text of a leaf element with surrounding XML whitespace removed (xs:integer and friends collapse it). */
function valueText(el: XmlElement, path: Path, problems: Problems): string | undefined {
  const text = leafText(el, path, problems)
  return text === undefined ? undefined : trimXml(text)
}

/** Removes leading and trailing XML whitespace (space, tab, CR, LF) only: the codec kit's rule. */
export const trimXml: (text: string) => string = trimXmlSpace

/** The text of a leaf element, or an error when it has element children. */
export function leafText(el: XmlElement, path: Path, problems: Problems): string | undefined {
  if (hasElementChildren(el)) {
    problems.add(path, el, 'expected text, found child elements')
    return undefined
  }
  return elementText(el)
}

/** A non-negative safe integer (ticks, counts), read by the kit's `readIntegerLexical`; past 2^53 − 1 is an error. */
export function readNat(el: XmlElement, path: Path, problems: Problems): number | undefined {
  const text = leafText(el, path, problems)
  if (text === undefined) return undefined
  const n = readIntegerLexical(text, false)
  if (n === 'syntax') problems.add(path, text, `expected a non-negative integer, found ${quote(trimXml(text))}`)
  else if (n === 'range') {
    problems.add(path, text, `expected a non-negative safe integer (at most 2^53 - 1), found ${quote(trimXml(text))}`)
  } else return n
  return undefined
}

/** An xs:integer that fits a safe integer (conflictPriority, httpStatus), read by the kit's `readIntegerLexical`. */
export function readInt(el: XmlElement, path: Path, problems: Problems): number | undefined {
  const text = leafText(el, path, problems)
  if (text === undefined) return undefined
  const n = readIntegerLexical(text, true)
  if (n === 'syntax') problems.add(path, text, `expected an integer, found ${quote(trimXml(text))}`)
  else if (n === 'range') {
    problems.add(path, text, `expected a safe integer (magnitude at most 2^53 - 1), found ${quote(trimXml(text))}`)
  } else return n
  return undefined
}

/** A stamp, read by the kit's `readStampLexical`: any xs:dateTime, zone optional, kept as written (trimmed). */
export function readStamp(el: XmlElement, path: Path, problems: Problems): Stamp | undefined {
  const text = leafText(el, path, problems)
  if (text === undefined) return undefined
  const r = readStampLexical(text)
  if ('stamp' in r) return r.stamp
  problems.add(path, text, `expected an xs:dateTime stamp, found ${quote(trimXml(text))} (${r.problem})`)
  return undefined
}

/** An xs:boolean, read by the kit's `readBooleanLexical` (any letter case, as .NET servers write `True`). */
export function readBoolean(text: string, path: Path, problems: Problems): boolean | undefined {
  const b = readBooleanLexical(text)
  if (b === undefined) problems.add(path, text, `expected a boolean (true, false, 1 or 0), found ${quote(text)}`)
  return b
}

const DECIMAL = /^[+-]?([0-9]+(\.[0-9]*)?|\.[0-9]+)$/

/** An xs:decimal kept lexically (tracking progress). */
export function readDecimal(el: XmlElement, path: Path, problems: Problems): string | undefined {
  const text = valueText(el, path, problems)
  if (text === undefined) return undefined
  if (!DECIMAL.test(text)) {
    problems.add(path, text, `expected a decimal number, found ${quote(text)}`)
    return undefined
  }
  return text
}

/** Reports a second occurrence of a child the model holds once. */
export function duplicate(el: XmlElement, path: Path, problems: Problems): void {
  const prefix =
    el.namespace === null
      ? null
      : CONVENTIONAL_PREFIXES.has(el.namespace)
        ? CONVENTIONAL_PREFIXES.get(el.namespace)!
        : el.prefix
  problems.add(path, el, `unexpected second ${prefix ? `${prefix}:` : ''}${el.localName}`)
}
