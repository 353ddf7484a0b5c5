// How element codecs record where they are in the io-ts context, so `reportErrors` can print XML paths.
// Implements docs/decisions.md#p2 (every error names its XML path).
import * as t from 'io-ts'
import type { Issue, IssueCode } from '../xml/issue'
import { internalMessage } from '../xml/issue'
import type { XName } from './names'

/**
 * A marker put in an io-ts context entry (as its `type`) for one step of an XML path: an element or an attribute.
 * Markers are plain objects recognised by `_tag`, not by class, so that several bundled copies of this module
 * (one per package entry point under CJS) still understand each other's contexts.
 *
 * @example
 * ```ts
 * const step = xmlStep('element', [qname(null, 'Items')], true)
 * step.repeated // true: paths show a position, like `Items[2]`
 * ```
 */
export interface XmlStep extends t.Decoder<unknown, never> {
  /** Identifies a step marker. */
  readonly _tag: 'syncwire.XmlStep'
  /** An element or an attribute step. */
  readonly kind: 'element' | 'attribute'
  /** The names the codec accepts here (the first is the conventional one); may be empty for "any element". */
  readonly names: readonly XName[]
  /** Whether the element belongs to a repeated field, so its path step always carries a 1-based position. */
  readonly repeated: boolean
}

/**
 * A marker for a position in the XML text (a parse error), carrying its line and column.
 *
 * @example
 * ```ts
 * textPosition(3, 14).column // 14
 * ```
 */
export interface TextPosition extends t.Decoder<unknown, never> {
  /** Identifies a position marker. */
  readonly _tag: 'syncwire.TextPosition'
  /** 1-based line, when known. */
  readonly line: number | undefined
  /** 1-based column, when known. */
  readonly column: number | undefined
  /** The parser's code for the fault (`not-well-formed` when not given). */
  readonly code?: IssueCode
  /** The byte offset, for undecodable bytes. */
  readonly offset?: number
}

function neverValidate(u: unknown, c: t.Context): t.Validation<never> {
  return t.failure(u, c, 'a path marker decodes nothing')
}

/**
 * Builds a step marker (done once per field when a codec is built, never per decoded node).
 *
 * @example
 * ```ts
 * const step = xmlStep('attribute', [qname(null, 'rel')], false)
 * ```
 */
export function xmlStep(kind: 'element' | 'attribute', names: readonly XName[], repeated: boolean): XmlStep {
  const name = names.length > 0 ? names.map((n) => n.localName).join('|') : '*'
  return {
    _tag: 'syncwire.XmlStep',
    kind,
    names,
    repeated,
    name: kind === 'attribute' ? `@${name}` : name,
    validate: neverValidate,
    decode: (u) => neverValidate(u, []),
  }
}

/**
 * Builds a position marker for an error in the XML text.
 *
 * @example
 * ```ts
 * const where = textPosition(1, 7)
 * ```
 */
export function textPosition(
  line: number | undefined,
  column: number | undefined,
  code?: IssueCode,
  offset?: number,
): TextPosition {
  return {
    _tag: 'syncwire.TextPosition',
    line,
    column,
    ...(code === undefined ? {} : { code }),
    ...(offset === undefined ? {} : { offset }),
    name: 'XML text',
    validate: neverValidate,
    decode: (u) => neverValidate(u, []),
  }
}

/**
 * The parser's issues as io-ts errors of a document codec, each marked with its position in the text (and its code),
 * so `reportErrors` gives them back as they were.
 *
 * @example
 * ```ts
 * if (E.isLeft(parsed)) return t.failures(parseFailures(parsed.left, c, text))
 * ```
 */
export function parseFailures(
  issues: readonly Issue[],
  c: t.Context,
  value: unknown,
  actual: unknown = value,
): t.Errors {
  return issues.map((e) => ({
    value,
    context: [...c, { key: '', type: textPosition(e.line, e.column, e.code, e.offset), actual }],
    message: e.message,
  }))
}

/** A validation error that `reportErrors` reports with code `internal`: a codec threw, and the error says so. */
export interface InternalError extends t.ValidationError {
  /** Marks the error. */
  readonly internal: true
}

/**
 * An io-ts error for a codec that threw (a bug, reported instead of thrown); the context is the caller's, unchanged.
 *
 * @example
 * ```ts
 * return t.failures([internalError(text, c, internalMessage(thrown))])
 * ```
 */
export function internalError(value: unknown, context: t.Context, message: string): InternalError {
  return { value, context, message, internal: true }
}

/**
 * Whether an io-ts error is an {@link InternalError}.
 *
 * @example
 * ```ts
 * isInternalError(internalError('x', [], 'boom')) // true
 * ```
 */
export function isInternalError(e: t.ValidationError): e is InternalError {
  return (e as { internal?: unknown }).internal === true
}

/**
 * Whether a context entry's `type` is an {@link XmlStep}.
 *
 * @example
 * ```ts
 * isXmlStep(xmlStep('element', [], false)) // true
 * ```
 */
export function isXmlStep(u: unknown): u is XmlStep {
  return typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'syncwire.XmlStep'
}

/**
 * Whether a context entry's `type` is a {@link TextPosition}.
 *
 * @example
 * ```ts
 * isTextPosition(textPosition(1, 1)) // true
 * ```
 */
export function isTextPosition(u: unknown): u is TextPosition {
  return typeof u === 'object' && u !== null && (u as { _tag?: unknown })._tag === 'syncwire.TextPosition'
}

/**
 * Inserts a context entry right after `c` in every error's context. Child codecs are validated with the parent's
 * context unchanged and the step is spliced in only when they fail: the success path allocates no context
 * arrays at all, which is most of decoding time on large documents.
 *
 * @example
 * ```ts
 * const r = codec.validate(child, c)
 * return isLeft(r) ? t.failures(insertEntry(c, r.left, { key: 'tick', type: step, actual: child })) : r
 * ```
 */
export function insertEntry(c: t.Context, errors: t.Errors, entry: t.ContextEntry): t.Errors {
  const n = c.length
  return errors.map((e) => {
    const context: t.ContextEntry[] = []
    const inner = e.context
    const sharesPrefix = inner.length >= n && (n === 0 || inner[n - 1] === c[n - 1])
    if (sharesPrefix) {
      for (let i = 0; i < n; i++) context.push(inner[i]!)
      context.push(entry)
      for (let i = n; i < inner.length; i++) context.push(inner[i]!)
    } else {
      for (let i = 0; i < n; i++) context.push(c[i]!)
      context.push(entry)
      for (let i = 0; i < inner.length; i++) context.push(inner[i]!)
    }
    return e.message === undefined ? { value: e.value, context } : { value: e.value, context, message: e.message }
  })
}

/**
 * Runs a decode step; a throw (a user's element or payload codec, or a hand-built tree that breaks the XmlElement
 * contract deep inside) becomes an {@link InternalError} (code `internal`), not a throw.
 *
 * @example
 * ```ts
 * guarded(null, [], () => { throw new Error('boom') }) // a failure: "could not decode the document: boom"
 * ```
 */
export function guarded<A>(input: unknown, c: t.Context, run: () => t.Validation<A>): t.Validation<A> {
  try {
    return run()
  } catch (e) {
    return t.failures([internalError(input, c, internalMessage(e))])
  }
}
