// The JSON form of wrapper and root descriptions (docs/schema.md), derived from them as their XML form is
// (../schema/root.ts). A wrapper's items are the member named `$` and the wrapper's name (`$diagnoses`, an array),
// or `$` and the item's name (`$diagnosis`, as SData 2.0's member tables call it: one object or an array). A root
// document holds one of the two, and `$attributes` for the root's attributes other than namespace declarations.
import * as t from 'io-ts'
import { keptAttributes, readAttributes, withKept } from '../../codec/json/kept'
import { at, type Ctx, type Errs, fail, type JsonRecord, member, optArray, readObject } from '../../codec/json/read'
import { compileJsonReader, compileJsonWriter, type JsonReader } from '../../codec/schema/json'
import { type RootDescription, rootGuard, type WrapperDescription, writtenBare } from '../schema/root'

/** The JSON form derived from a wrapper description. */
export interface WrapperJson<I> {
  /** The member holding the wrapper's items (`$diagnoses`). */
  readonly many: string
  /** The member holding one item, or the items, under the item's name (`$diagnosis`). */
  readonly one: string
  /**
   * The items of an object: {@link many} when present, else {@link one}; none when neither is there. Both at once is
   * an error at {@link one}, as reading either would lose the other.
   */
  readonly readItems: (errs: Errs, o: JsonRecord, c: Ctx) => I[]
  /** The reader of one item. */
  readonly readItem: JsonReader<I>
  /** The writer of one item. */
  readonly writeItem: (item: I) => Record<string, unknown>
}

/**
 * The JSON members of a wrapper's items, derived from its description.
 *
 * @example
 * ```ts
 * wrapperJson(DIAGNOSES).readItems(errs, { $diagnosis: { $message: 'one' } }, ctx) // [{ message: 'one', extensions: [] }]
 * ```
 */
export function wrapperJson<I>(w: WrapperDescription<I>): WrapperJson<I> {
  const many = `$${w.name}`
  const one = `$${w.item.name}`
  const readItem = compileJsonReader(w.item)
  const readAll = (errs: Errs, o: JsonRecord, c: Ctx, key: string) =>
    optArray(errs, o, key, c, (v, vc) => readItem(errs, v, vc)) ?? []
  return {
    many,
    one,
    readItem,
    writeItem: compileJsonWriter(w.item),
    readItems(errs, o, c) {
      const single = member(o, one)
      if (member(o, many) !== undefined) {
        // Both forms at once: reading one would drop the other without a word, so neither is chosen.
        if (single !== undefined)
          fail(errs, single, at(c, one, t.unknown, single), `${one} beside ${many}: give one of them`)
        return readAll(errs, o, c, many)
      }
      if (single === undefined) return []
      if (Array.isArray(single)) return readAll(errs, o, c, one)
      const item = readItem(errs, single, at(c, one, t.unknown, single))
      return item === undefined ? [] : [item]
    },
  }
}

/**
 * The JSON reader and writer derived from a root description: the bare item's member (`$diagnosis`, one object) for
 * a value {@link writtenBare} writes bare, else the wrapper's (`$diagnoses`); `$attributes` for the root's kept
 * attributes.
 *
 * @example
 * ```ts
 * rootJson(DIAGNOSES_DOCUMENT).write({ root: 'diagnosis', diagnoses: [d] }) // { $diagnosis: { … } }
 * ```
 */
export function rootJson<A>(d: RootDescription<A>): {
  readonly is: (u: Record<string, unknown>) => boolean
  readonly read: JsonReader<A>
  readonly write: (value: A) => Record<string, unknown>
} {
  const { wrapper, key, tag } = d
  const items = wrapperJson<unknown>(wrapper)
  const what = `a ${wrapper.name} document`
  const read: JsonReader<A> = (errs, u, c) => {
    const o = readObject(errs, u, c, what)
    if (o === undefined) return undefined
    const single = member(o, items.one)
    const attributes = readAttributes(errs, o, c)
    const wrapped = member(o, items.many) !== undefined
    if (d.single && !wrapped && single !== undefined && !Array.isArray(single)) {
      const item = items.readItem(errs, single, at(c, items.one, t.unknown, single))
      return item === undefined
        ? undefined
        : withKept({ [tag]: wrapper.item.name, [key]: [item] } as A & object, undefined, attributes)
    }
    if (!wrapped && single === undefined) {
      return fail(errs, o, at(c, items.many, t.UnknownArray, undefined), `${items.many} is missing`)
    }
    return withKept({ [tag]: wrapper.name, [key]: items.readItems(errs, o, c) } as A & object, undefined, attributes)
  }
  const write = (value: A): Record<string, unknown> => {
    const list = (value as Record<string, unknown>)[key] as unknown[]
    const body = writtenBare(d, value)
      ? { [items.one]: items.writeItem(list[0]) }
      : { [items.many]: list.map(items.writeItem) }
    const attributes = keptAttributes(value as object)
    return attributes === undefined ? body : { ...body, $attributes: attributes }
  }
  return { is: rootGuard(d), read, write }
}
