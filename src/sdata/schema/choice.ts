// Choice descriptions (docs/schema.md): an element holding exactly one child element, one of several alternatives
// (`sdata:payload`: a digest, or any other element as a resource). Its reader and the writer of its described
// alternatives are derived here; what the description does not allow keeps the element whole, as an extension.
import type { ElementDescription } from '../../codec/schema/describe'
import { compileReader, compileWriter } from '../../codec/schema/xml'
import type { XmlElement } from '../../xml/types'
import { at, type Path, type Problems } from '../read'
import { elem, isDeclaration, SDATA } from '../tree'

/**
 * An element holding exactly one child element: a described alternative, matched by its expanded name, or any other
 * element (`any`). Beside namespace declarations it may carry only the attributes in its own namespace that it
 * `lifts`, each once, and only into `any`. Text, a second child, no child or another attribute keeps it whole.
 *
 * @example
 * ```ts
 * const PAYLOAD: ChoiceDescription = { namespace: SDATA_NS, name: 'payload', lifts: ['uuid'], oneOf: [{ key: 'digest', element: DIGEST }], any: 'payload' }
 * ```
 */
export interface ChoiceDescription {
  /** The element's namespace. */
  readonly namespace: string
  /** The element's local name. */
  readonly name: string
  /** The local names of the attributes it may carry, lifted into the value of `any`. */
  readonly lifts: readonly string[]
  /** The described alternatives, each read as the owner's member `key`. */
  readonly oneOf: readonly { readonly key: string; readonly element: ElementDescription<any> }[]
  /** The owner's member any other child element is read as. */
  readonly any: string
}

/**
 * What a choice held: an alternative's member and value, or `keep` (the element stays an extension), or `error`
 * (an alternative was broken; the errors are in `problems`).
 */
export type ChoiceRead = { readonly key: string; readonly value: unknown } | 'keep' | 'error'

/**
 * Reads the element of `any` with the attributes the choice lifted (`keep`: the choice stays whole).
 */
export type AnyReader<K> = (
  el: XmlElement,
  lifted: Readonly<Record<string, string>>,
  path: Path,
  problems: Problems,
  key: K,
) => unknown | 'keep' | 'error'

/** What a choice without attributes lifts. */
const NOTHING_LIFTED: Readonly<Record<string, string>> = Object.freeze({})

/**
 * The reader of a choice, with `readAny` for the element of `any`, and the writer of its described alternatives.
 *
 * @example
 * ```ts
 * const payload = compileChoice(PAYLOAD, readResource)
 * payload.read(el, path, problems, codec) // { key: 'digest', value } | { key: 'payload', value } | 'keep' | 'error'
 * ```
 */
export function compileChoice<K>(
  d: ChoiceDescription,
  readAny: AnyReader<K>,
): {
  read: (el: XmlElement, path: Path, problems: Problems, key: K) => ChoiceRead
  write: (key: string, value: unknown) => XmlElement
} {
  const alternatives = d.oneOf.map((a) => ({
    ...a,
    read: compileReader(a.element, SDATA),
    write: compileWriter(a.element, SDATA),
  }))
  return {
    read(el, path, problems, key) {
      // The lifted attributes, made at the first (most choices carry none).
      let lifted: Record<string, string> | undefined
      // Indexed loops: an iterator allocates a result per step where the runtime does not optimize it away.
      const attributes = el.attributes
      for (let i = 0; i < attributes.length; i++) {
        const a = attributes[i]!
        if (isDeclaration(a)) continue
        if (
          a.namespace !== d.namespace ||
          !d.lifts.includes(a.localName) ||
          (lifted !== undefined && a.localName in lifted)
        )
          return 'keep'
        lifted ??= {}
        lifted[a.localName] = a.value
      }
      const any = lifted !== undefined
      let only: XmlElement | undefined
      const children = el.children
      for (let i = 0; i < children.length; i++) {
        const c = children[i]!
        if (c.type === 'text' || only !== undefined) return 'keep'
        only = c
      }
      if (only === undefined) return 'keep'
      const childPath = at(path, only)
      for (const alt of alternatives) {
        if (only.namespace !== alt.element.namespace || only.localName !== alt.element.name) continue
        if (any) return 'keep'
        const value = alt.read(only, childPath, problems)
        return value === undefined ? 'error' : { key: alt.key, value }
      }
      const value = readAny(only, lifted ?? NOTHING_LIFTED, childPath, problems, key)
      return value === 'keep' || value === 'error' ? value : { key: d.any, value }
    },
    write(key, value) {
      const alt = alternatives.find((a) => a.key === key)!
      return elem(d.namespace, d.name, [alt.write(value)])
    },
  }
}
