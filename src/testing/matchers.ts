// vitest (or Jest-compatible) matchers for captured XML: validity of FILESYNC documents and SData feeds, decoding
// to an expected value and lossless round trips (docs/decisions.md#p3); reports paths as reportErrors does.
import type * as t from 'io-ts'
// Type-only: makes the `declare module 'vitest'` augmentation below resolvable; nothing of vitest is loaded.
import type {} from 'vitest'
import { reportErrors } from '../codec/report'
import { FileSyncXml } from '../filesync/document'
import type { FileSyncDocument } from '../filesync/model'
import { validateFileSync } from '../filesync/validate'
import { SyncFeedXml } from '../sdata/codecs'
import type { SyncFeed } from '../sdata/model'
import { type SyncFeedRole, validateSyncFeed } from '../sdata/validate'

/**
 * Options of the validity matchers.
 *
 * @example
 * ```ts
 * expect(xml).toBeValidSyncFeed({ role: 'result', strict: true })
 * ```
 */
export interface ValidityOptions {
  /** Fail on warnings too, not only on errors (default false). */
  strict?: boolean
}

/**
 * Options of `toBeValidSyncFeed`.
 *
 * @example
 * ```ts
 * const options: SyncFeedValidityOptions = { role: 'target-request' }
 * ```
 */
export interface SyncFeedValidityOptions extends ValidityOptions {
  /** What the feed is for (default `source`), as in `validateSyncFeed`. */
  role?: SyncFeedRole
}

/**
 * What a matcher returns, in the shape vitest and Jest expect from `expect.extend` matchers.
 *
 * @example
 * ```ts
 * const r: MatcherOutcome = matchers.toBeValidFileSync('<Items/>')
 * r.pass // true
 * ```
 */
export interface MatcherOutcome {
  /** Whether the assertion holds. */
  pass: boolean
  /** The explanation shown when the assertion (or its `.not`) fails. */
  message: () => string
  /** The decoded value, for the runner's own diff. */
  actual?: unknown
  /** The expected value, for the runner's own diff. */
  expected?: unknown
}

// The matcher context vitest binds as `this`; unused, so a matcher can also be called as a plain function.
type Context = unknown

type Problem = { severity?: string; path: string; message: string }

function lines(problems: readonly Problem[]): string {
  return problems
    .map((p) => `  ${p.path || '(document)'}${p.severity ? ` ${p.severity}` : ''}: ${p.message}`)
    .join('\n')
}

function show(u: unknown): string {
  if (u instanceof Uint8Array) return `Uint8Array[${[...u].map((b) => b.toString(16).padStart(2, '0')).join('')}]`
  if (u === undefined) return 'undefined'
  const s = JSON.stringify(u)
  return s === undefined ? String(u) : s.length > 200 ? `${s.slice(0, 197)}...` : s
}

function isPlainObject(u: unknown): u is Record<string, unknown> {
  return typeof u === 'object' && u !== null && !Array.isArray(u) && !(u instanceof Uint8Array)
}

/**
 * The differences between two plain values (objects, arrays, Uint8Array, primitives) as `- expected` / `+ decoded`
 * lines with their JSON path; an empty list means equal. Keys whose value is `undefined` count as absent, as in
 * `toEqual`. Iterative, so deep trees do not overflow the stack; at most `limit` differences are listed.
 *
 * @example
 * ```ts
 * diffValues({ tick: 1 }, { tick: 2 }) // ['$.tick', '  - expected 1', '  + decoded  2']
 * ```
 */
export function diffValues(expected: unknown, actual: unknown, limit = 20): string[] {
  const out: string[] = []
  let count = 0
  const stack: Array<[string, unknown, unknown]> = [['$', expected, actual]]
  while (stack.length > 0 && count < limit) {
    const [path, e, a] = stack.pop()!
    if (Object.is(e, a)) continue
    if (e instanceof Uint8Array && a instanceof Uint8Array) {
      if (e.length === a.length && e.every((b, i) => b === a[i])) continue
    } else if (Array.isArray(e) && Array.isArray(a)) {
      if (e.length !== a.length) {
        out.push(path, `  - expected ${e.length} items`, `  + decoded  ${a.length} items`)
        count++
      }
      for (let i = Math.min(e.length, a.length) - 1; i >= 0; i--) stack.push([`${path}[${i}]`, e[i], a[i]])
      continue
    } else if (isPlainObject(e) && isPlainObject(a)) {
      const keys = [...new Set([...Object.keys(e), ...Object.keys(a)])].sort().reverse()
      for (const k of keys) {
        if (e[k] === undefined && a[k] === undefined) continue
        stack.push([`${path}.${k}`, e[k], a[k]])
      }
      continue
    }
    out.push(path, `  - expected ${show(e)}`, `  + decoded  ${show(a)}`)
    count++
  }
  if (stack.length > 0 && count >= limit) out.push(`… more differences not shown (first ${limit})`)
  return out
}

function equal(a: unknown, b: unknown): boolean {
  return diffValues(a, b, 1).length === 0
}

function decodeProblems<A>(codec: t.Decoder<unknown, A>, received: unknown): { value?: A; problems: Problem[] } {
  try {
    const r = codec.decode(received)
    if (r._tag === 'Right') return { value: r.right, problems: [] }
    // Decode errors are all errors: listed without a severity, as they always were; validation findings show theirs.
    return { problems: reportErrors(r.left).map(({ path, message }) => ({ path, message })) }
  } catch (cause) {
    return { problems: [{ path: '', message: `the codec threw: ${String(cause)}` }] }
  }
}

function validity<A>(
  what: string,
  codec: t.Decoder<unknown, A>,
  validate: (value: A) => Problem[],
  received: unknown,
  options: ValidityOptions | undefined,
  isValue: (u: unknown) => u is A,
): MatcherOutcome {
  let value: A
  if (typeof received === 'string') {
    const decoded = decodeProblems(codec, received)
    if (decoded.value === undefined) {
      return {
        pass: false,
        message: () => `expected the XML to be a valid ${what}, but it does not decode:\n${lines(decoded.problems)}`,
      }
    }
    value = decoded.value
  } else if (isValue(received)) {
    value = received
  } else {
    return { pass: false, message: () => `expected XML text or a decoded ${what}, received ${show(received)}` }
  }
  const issues = validate(value)
  const failing = issues.filter((i) => i.severity === 'error' || options?.strict === true)
  const warnings = issues.filter((i) => i.severity === 'warning')
  if (failing.length > 0) {
    return {
      pass: false,
      message: () =>
        `expected a valid ${what}${options?.strict ? ' (strict: warnings fail too)' : ''}, found ${failing.length} problem${failing.length === 1 ? '' : 's'}:\n${lines(failing)}`,
    }
  }
  return {
    pass: true,
    message: () =>
      `expected the ${what} not to be valid, but it is${warnings.length > 0 ? ` (warnings only:\n${lines(warnings)})` : ''}`,
  }
}

const isFileSyncDocument = (u: unknown): u is FileSyncDocument =>
  isPlainObject(u) && (u.root === 'Folder' || u.root === 'Items')
const isSyncFeed = (u: unknown): u is SyncFeed => isPlainObject(u) && Array.isArray(u.entries)

function toBeValidFileSync(this: Context, received: unknown, options?: ValidityOptions): MatcherOutcome {
  return validity(
    'FILESYNC document',
    FileSyncXml as t.Decoder<unknown, FileSyncDocument>,
    validateFileSync,
    received,
    options,
    isFileSyncDocument,
  )
}

function toBeValidSyncFeed(this: Context, received: unknown, options?: SyncFeedValidityOptions): MatcherOutcome {
  const role = options?.role ?? 'source'
  return validity(
    `SData ${role} feed`,
    SyncFeedXml as t.Decoder<unknown, SyncFeed>,
    (feed) => validateSyncFeed(feed, { role }),
    received,
    options,
    isSyncFeed,
  )
}

function toDecodeAs<A>(this: Context, received: unknown, codec: t.Decoder<unknown, A>, expected: A): MatcherOutcome {
  const decoded = decodeProblems(codec, received)
  if (decoded.problems.length > 0) {
    return {
      pass: false,
      message: () => `expected the input to decode with ${codec.name}, but it does not:\n${lines(decoded.problems)}`,
      expected,
    }
  }
  const actual = decoded.value
  const pass = equal(expected, actual)
  return {
    pass,
    message: () =>
      pass
        ? `expected the input not to decode with ${codec.name} to the value given, but it does`
        : `expected the input to decode with ${codec.name} to the value given; differences:\n${diffValues(expected, actual).join('\n')}`,
    actual,
    expected,
  }
}

function toRoundTrip<A, O>(this: Context, received: unknown, codec: t.Type<A, O, unknown>): MatcherOutcome {
  const first = decodeProblems(codec, received)
  if (first.problems.length > 0) {
    return {
      pass: false,
      message: () =>
        `expected the input to round-trip through ${codec.name}, but it does not decode:\n${lines(first.problems)}`,
    }
  }
  const value = first.value as A
  let encoded: O
  try {
    encoded = codec.encode(value)
  } catch (cause) {
    return {
      pass: false,
      message: () => `expected ${codec.name} to encode the decoded value, but it threw: ${String(cause)}`,
    }
  }
  const second = decodeProblems(codec, encoded)
  if (second.problems.length > 0) {
    return {
      pass: false,
      message: () =>
        `expected ${codec.name} to decode its own encoding (decode ∘ encode ∘ decode = decode), but it does not:\n${lines(second.problems)}`,
    }
  }
  const pass = equal(value, second.value)
  return {
    pass,
    message: () =>
      pass
        ? `expected the input not to round-trip through ${codec.name}, but it does`
        : `expected decode ∘ encode ∘ decode = decode with ${codec.name}; the value changed:\n${diffValues(value, second.value).join('\n')}`,
    actual: second.value,
    expected: value,
  }
}

/**
 * The syncwire matchers, for `expect.extend(matchers)` (or {@link installMatchers}). Each also works as a plain
 * function returning `{ pass, message }`, so other runners can wrap them.
 *
 * - `toBeValidFileSync(options?)`: XML text (or a decoded document) decodes with `FileSyncXml` and
 *   `validateFileSync` finds no error (no warning either with `{ strict: true }`).
 * - `toBeValidSyncFeed({ role, strict }?)`: the same with `SyncFeedXml` and `validateSyncFeed`.
 * - `toDecodeAs(codec, expected)`: the input decodes with `codec` to a value deeply equal to `expected`.
 * - `toRoundTrip(codec)`: decode, encode, decode again gives the same value.
 *
 * A failure lists each problem as `path severity: message`, or the differences as `- expected` / `+ decoded`.
 *
 * @example
 * ```ts
 * import { expect } from 'vitest'
 * import { matchers } from 'syncwire/testing'
 * expect.extend(matchers)
 * ```
 */
export const matchers: {
  /** XML text (or a decoded document) decodes with `FileSyncXml` and `validateFileSync` finds no error. */
  toBeValidFileSync: (this: unknown, received: unknown, options?: ValidityOptions) => MatcherOutcome
  /** XML text (or a decoded feed) decodes with `SyncFeedXml` and `validateSyncFeed` finds no error. */
  toBeValidSyncFeed: (this: unknown, received: unknown, options?: SyncFeedValidityOptions) => MatcherOutcome
  /** The input decodes with the codec to a value deeply equal to the one expected. */
  toDecodeAs: <A>(this: unknown, received: unknown, codec: t.Decoder<unknown, A>, expected: A) => MatcherOutcome
  /** decode, encode and decode again gives the same value. */
  toRoundTrip: <A, O>(this: unknown, received: unknown, codec: t.Type<A, O, unknown>) => MatcherOutcome
} = { toBeValidFileSync, toBeValidSyncFeed, toDecodeAs, toRoundTrip }

/**
 * The smallest `expect` this kit needs: anything with vitest's (or Jest's) `extend`.
 *
 * @example
 * ```ts
 * const target: ExpectLike = expect
 * ```
 */
export interface ExpectLike {
  /** Registers matchers. */
  extend(matchers: Record<string, (...args: any[]) => unknown>): void
}

/**
 * Registers {@link matchers} on the `expect` you pass: one line in a vitest setup file (or at the top of a test).
 *
 * Why a call and not `import 'syncwire/testing'` alone: the package declares `sideEffects: false`, which lets
 * bundlers (Vite, which vitest uses, esbuild, webpack) drop an import whose bindings are unused, so a registering
 * import could silently do nothing; and importing `vitest` from the library would make vitest a hard dependency
 * and tie the kit to one runner. Passing `expect` keeps the module pure and works with Jest too.
 *
 * @example
 * ```ts
 * // vitest.setup.ts (listed in test.setupFiles)
 * import { expect } from 'vitest'
 * import { installMatchers } from 'syncwire/testing'
 * installMatchers(expect)
 * ```
 */
export function installMatchers(expect: ExpectLike): void {
  expect.extend(matchers)
}

/**
 * A value type with branded strings (`Stamp`) and numbers as plain ones, so expected values can be literals.
 *
 * @example
 * ```ts
 * const expected: Unbranded<SyncState> = { endpoint: 'http://a/sdata', tick: 1, stamp: '2026-01-01T00:00:00Z' }
 * ```
 */
export type Unbranded<T> = T extends string
  ? string
  : T extends number
    ? number
    : T extends boolean
      ? boolean
      : T extends Uint8Array
        ? Uint8Array
        : T extends ReadonlyArray<infer U>
          ? ReadonlyArray<Unbranded<U>>
          : T extends object
            ? { [K in keyof T]: Unbranded<T[K]> }
            : T

/**
 * The matcher signatures, as added to vitest's `Assertion` by this module's type augmentation.
 *
 * @example
 * ```ts
 * expect(xml).toBeValidFileSync()
 * expect(xml).toDecodeAs(DigestXml, { entries: [] })
 * ```
 */
export interface SyncwireMatchers<R = unknown> {
  /** The XML (or decoded document) is a FILESYNC document with no validation error. */
  toBeValidFileSync(options?: ValidityOptions): R
  /** The XML (or decoded feed) is an SData sync feed with no validation error for its role. */
  toBeValidSyncFeed(options?: SyncFeedValidityOptions): R
  /** The input decodes with `codec` to a value deeply equal to `expected` (branded strings such as Stamp as plain strings). */
  toDecodeAs<A>(codec: t.Decoder<any, A>, expected: NoInfer<Unbranded<A>>): R
  /** decode ∘ encode ∘ decode = decode for the input with `codec`. */
  toRoundTrip(codec: t.Type<any, any, any>): R
}

declare module 'vitest' {
  interface Assertion<T = any> extends SyncwireMatchers<T> {}
  interface AsymmetricMatchersContaining extends SyncwireMatchers {}
}
