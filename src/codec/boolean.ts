// xs:boolean as string codecs: lenient read of the forms servers send, strict or form-preserving write.
// Implements XML Schema 1.0 Part 2 §3.2.2, docs/decisions.md#f8 and docs/decisions.md#s2.
import * as t from 'io-ts'
import { foundValue } from './lexical'

/**
 * The lexical forms of a boolean that decoding accepts: xs:boolean's four, plus .NET's `True`/`False`.
 *
 * @example
 * ```ts
 * const form: BooleanLexical = 'True'
 * ```
 */
export type BooleanLexical = 'true' | 'false' | '1' | '0' | 'True' | 'False'

const FORMS = 'true, false, 1 or 0, in any letter case'

/**
 * Removes the XML white space (space, tab, CR, LF) around a lexical value, as XML Schema's `whiteSpace="collapse"`
 * facet of xs:boolean, xs:integer and xs:dateTime says. The one trimming rule of every lenient reader.
 *
 * @example
 * ```ts
 * trimXmlSpace(' 5\n') // '5'
 * ```
 */
export function trimXmlSpace(text: string): string {
  const n = text.length
  if (n === 0) return text
  if (text.charCodeAt(0) > 32 && text.charCodeAt(n - 1) > 32) return text
  return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, '')
}

/**
 * The one lenient boolean reader, shared by the codec kit and the protocol readers: xs:boolean's `true`, `false`,
 * `1`, `0` in any letter case (.NET writes `True`), white space around collapsed. `undefined` for anything else.
 *
 * @example
 * ```ts
 * readBooleanLexical(' TRUE ') // true
 * readBooleanLexical('yes') // undefined
 * ```
 */
export function readBooleanLexical(text: string): boolean | undefined {
  switch (trimXmlSpace(text).toLowerCase()) {
    case 'true':
    case '1':
      return true
    case 'false':
    case '0':
      return false
    default:
      return undefined
  }
}

function read(s: unknown, c: t.Context): t.Validation<boolean> {
  const v = typeof s === 'string' ? readBooleanLexical(s) : undefined
  if (v === undefined) {
    return t.failure(s, c, `expected a boolean (${FORMS}), found ${foundValue(s)}`)
  }
  return t.success(v)
}

/**
 * xs:boolean, lenient read (`true`, `false`, `1`, `0` in any letter case, white space
 * collapsed), strict write (`true`/`false`), as SData wants.
 *
 * @example
 * ```ts
 * XsBoolean.decode('TRUE') // right(true)
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
  /** The form read (any spelling {@link XsBoolean} reads), when it was not the default form. */
  lexical?: string
}

/**
 * A form-preserving boolean codec: reads what {@link XsBoolean} reads, writes back the form read (when it spells the value),
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
      return t.success(s === (value ? trueForm : falseForm) ? { value } : { value, lexical: s })
    },
    (b) =>
      b.lexical !== undefined && readBooleanLexical(b.lexical) === b.value ? b.lexical : b.value ? trueForm : falseForm,
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
