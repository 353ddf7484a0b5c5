// The XML layer as an io-ts codec (text or bytes → root element → text), so a document codec is `xmlRoot().pipe(root)`.
// Implements docs/decisions.md#p6 and #p2: parse errors surface with `line:column` as their path.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { inputText, isXmlInput, type XmlInput } from '../xml/encoding'
import { internalMessage } from '../xml/issue'
import { type Limits, resolveLimits } from '../xml/options'
import { type ParseOptions, parseXml } from '../xml/parse'
import { type SerializeOptions, serializeXml } from '../xml/serialize'
import type { XmlElement } from '../xml/types'
import { internalError, parseFailures } from './context'
import type { ElementCodec } from './element'

/**
 * The decoding options every document codec accepts, in one shape: `parse` holds the parser's limits
 * (`maxLength`, `maxDepth`, `maxAttributes`, `maxNameLength`), each on by default. `FileSyncXmlOptions`,
 * {@link XmlRootOptions} and the options of the SData document codec builders extend it.
 *
 * @example
 * ```ts
 * const options: DocumentOptions = { parse: { maxLength: 64 * 1024 * 1024 } }
 * const BigFeedXml = syncFeedXml(undefined, options)
 * ```
 */
export interface DocumentOptions {
  /** Limits passed to `parseXml` (for bytes, `maxLength` also bounds the byte length before decoding). */
  parse?: ParseOptions
}

/**
 * Options of {@link xmlRoot} and {@link fromXml}: parser limits for decoding, declaration/BOM for encoding.
 *
 * @example
 * ```ts
 * const options: XmlRootOptions = { parse: { maxDepth: 64 }, serialize: { declaration: true, bom: true } }
 * ```
 */
export interface XmlRootOptions extends DocumentOptions {
  /** Options passed to `serializeXml` (default: a declaration, no BOM). */
  serialize?: SerializeOptions
}

/**
 * XML text or bytes → its root element → XML text. Decoding parses with `parseXml` (bytes are decoded as it says:
 * BOM, then declaration, then UTF-8); a parse error becomes an io-ts error whose path
 * (through `reportErrors`) is `line:column` and whose message is the parser's. Encoding serialises with
 * `serializeXml`. Pipe an {@link element} codec after it so error paths start at the root (`/feed/…`).
 *
 * @example
 * ```ts
 * const DigestXml = xmlRoot().pipe(Digest, 'DigestXml')
 * ```
 */
export function xmlRoot(options: XmlRootOptions = {}): t.Type<XmlElement, string, XmlInput> {
  return new t.Type<XmlElement, string, XmlInput>(
    'XML text',
    (u): u is XmlElement => typeof u === 'object' && u !== null && (u as { type?: unknown }).type === 'element',
    (text, c) => {
      if (!isXmlInput(text)) return t.failure(text, c, `expected XML text, found a ${typeof text}`)
      const r = parseXml(text, options.parse)
      if (E.isRight(r)) return t.success(r.right.root)
      return t.failures(parseFailures(r.left, c, text))
    },
    (root) => serializeXml({ root }, options.serialize),
  )
}

/**
 * A document codec from a root element codec: `xmlRoot(options).pipe(root)`, made total: should a codec throw
 * anyway (a user codec's bug, or nesting far past the parser's default depth limit exhausting the stack), the
 * exception becomes a decode error at the root instead of escaping.
 *
 * @example
 * ```ts
 * const FeedXml: t.Type<Feed, string, XmlInput> = fromXml(element(atom('feed'), FeedRecord), {}, 'FeedXml')
 * ```
 */
export function fromXml<A>(
  root: ElementCodec<A>,
  options: XmlRootOptions = {},
  name?: string,
): t.Type<A, string, XmlInput> {
  const piped = xmlRoot(options).pipe(root, name ?? `XML ${root.name}`)
  return new t.Type<A, string, XmlInput>(
    piped.name,
    piped.is,
    (text, c) => totalDecode(text, c, () => piped.validate(text, c)),
    piped.encode,
  )
}

/**
 * Runs a document codec's decode, made total: a throw (a bug in a user's codec or in syncwire's readers, or nesting
 * far past the parser's default depth limit exhausting the stack) becomes one `internal` error at the root, beside
 * the context the caller gave, instead of escaping. Every document codec decodes through it.
 *
 * @example
 * ```ts
 * totalDecode(text, c, () => { throw new Error('boom') }) // a failure: "could not decode the document: boom"
 * ```
 */
export function totalDecode<A>(input: unknown, c: t.Context, run: () => t.Validation<A>): t.Validation<A> {
  try {
    return run()
  } catch (e) {
    return t.failures([internalError(input, c, internalMessage(e))])
  }
}

/**
 * Reads a whole document the fast way, when its text is within the limits the tree way applies to a whole
 * document: `read` gets the text and the resolved limits, and gives `undefined` for whatever it cannot decode
 * (which the caller then reads again the tree way, for every issue with its path and position). `undefined` too
 * when the input is not text within `maxLength`.
 */
export function readWholeFast<A>(
  input: XmlInput,
  options: DocumentOptions | undefined,
  read: (text: string, limits: Limits) => A | undefined,
): A | undefined {
  const limits = resolveLimits(options?.parse)
  const text = inputText(input, limits.maxLength)
  return E.isRight(text) && text.right.length <= limits.maxLength ? read(text.right, limits) : undefined
}
