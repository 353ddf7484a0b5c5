// xs:boolean as string codecs: lenient read of the forms servers send, strict or form-preserving write.
// Implements XML Schema 1.0 Part 2 §3.2.2, docs/decisions.md#f8 and docs/decisions.md#s2.
import * as t from 'io-ts'

/**
 * The lexical forms of a boolean that decoding accepts: xs:boolean's four, plus .NET's `True`/`False`.
 *
 * @example
 * ```ts
 * const form: BooleanLexical = 'True'
 * ```
 */
export type BooleanLexical = 'true' | 'false' | '1' | '0' | 'True' | 'False'

const VALUES: ReadonlyMap<string, boolean> = new Map([
  ['true', true],
  ['1', true],
  ['True', true],
  ['false', false],
  ['0', false],
  ['False', false],
])

const FORMS = 'true, false, 1, 0, True or False'

function read(s: unknown, c: t.Context): t.Validation<boolean> {
  const v = typeof s === 'string' ? VALUES.get(s) : undefined
  if (v === undefined) {
    const found = typeof s === 'string' ? JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s) : `a ${typeof s}`
    return t.failure(s, c, `expected a boolean (${FORMS}), found ${found}`)
  }
  return t.success(v)
}

/**
 * xs:boolean, lenient read (`true`, `false`, `1`, `0`, `True`, `False`; nothing else, not even spaces), strict
 * write (`true`/`false`), as SData wants.
 *
 * @example
 * ```ts
 * XsBoolean.decode('True') // right(true)
 * XsBoolean.encode(true) // 'true'
 * ```
 */
export const XsBoolean: t.Type<boolean, string, string> = new t.Type<boolean, string, string>(
  'a boolean',
  (u): u is boolean => typeof u === 'boolean',
  read,
  (b) => (b ? 'true' : 'false'),
)

/**
 * A boolean that remembers the form it was read in. `lexical` is absent when the form read is the codec's
 * default form for that value, so values built by hand need no form.
 *
 * @example
 * ```ts
 * const lower: FormBoolean = { value: true, lexical: 'true' }
 * ```
 */
export interface FormBoolean {
  /** The truth value. */
  value: boolean
  /** The form read, when it was not the default form. */
  lexical?: BooleanLexical
}

/**
 * A form-preserving boolean codec: reads the six forms, writes back the form read (when it spells the value),
 * else the default form for the value (`trueForm`/`falseForm`).
 *
 * @example
 * ```ts
 * const DotNet = formBoolean('True', 'False')
 * DotNet.decode('1') // right({ value: true, lexical: '1' })
 * DotNet.decode('False') // right({ value: false })
 * DotNet.encode({ value: true }) // 'True'
 * ```
 */
export function formBoolean(
  trueForm: BooleanLexical = 'True',
  falseForm: BooleanLexical = 'False',
): t.Type<FormBoolean, string, string> {
  return new t.Type<FormBoolean, string, string>(
    `a boolean (written ${trueForm}/${falseForm})`,
    (u): u is FormBoolean => typeof u === 'object' && u !== null && typeof (u as FormBoolean).value === 'boolean',
    (s, c) => {
      const r = read(s, c)
      if (r._tag === 'Left') return r
      const value = r.right
      return t.success(s === (value ? trueForm : falseForm) ? { value } : { value, lexical: s as BooleanLexical })
    },
    (b) => (b.lexical !== undefined && VALUES.get(b.lexical) === b.value ? b.lexical : b.value ? trueForm : falseForm),
  )
}

/**
 * The form-preserving boolean of MS-FILESYNC: default form `True`/`False`, as SharePoint writes.
 *
 * @example
 * ```ts
 * DotNetBoolean.encode({ value: false }) // 'False'
 * ```
 */
export const DotNetBoolean: t.Type<FormBoolean, string, string> = formBoolean('True', 'False')
