// The members an owner description (./owner.ts) is made of, each derived from a smaller description: a leaf group, a
// list of attribute elements (the Atom links), a described element held once (the sync state, the digest) and the
// kept extensions. The payload, the diagnoses and the entries are members too (src/sdata/payload-member.ts,
// diagnoses.ts, feed.ts).
import * as t from 'io-ts'
import { encodeExtensions, nonEmpty, readExtensions } from '../../codec/json/kept'
import { at as jsonAt, member, optArray, optString } from '../../codec/json/read'
import type { ElementDescription } from '../../codec/schema/describe'
import { compileJsonReader, compileJsonWriter } from '../../codec/schema/json'
import { compileReader, compileWriter } from '../../codec/schema/xml'
import type { XmlElement } from '../../xml/types'
import type { Link } from '../model'
import { CONVENTIONAL_PREFIXES } from '../namespaces'
import { at } from '../read'
import { ATOM_PARENT, type TextWriter } from '../text-writer'
import { addUsedPrefixes, SDATA } from '../tree'
import { type AttributeElement, compileAttributeElement } from './attributes'
import { compileGroup, type LeafGroup } from './group'
import type { OwnerMember } from './owner'

type AnyOwner = Record<string, any>

/**
 * The member of a leaf group: its leaves on the owner (or in its `into` sub-object).
 *
 * @example
 * ```ts
 * groupMember('http', HTTP_RESULT) // http:httpStatus … in XML, $httpStatus … in JSON
 * ```
 */
export function groupMember<O>(name: string, g: LeafGroup): OwnerMember<O> {
  const c = compileGroup(g)
  const prefix = CONVENTIONAL_PREFIXES.get(g.namespace) ?? ''
  return {
    name,
    keys: g.into === undefined ? g.leaves.map((l) => l.key) : [g.into],
    arbitrary: { kind: 'group', group: g },
    namespace: g.namespace,
    read: (el, path, problems, owner) => c.read(el, path, problems, owner as object),
    write: (owner, out) => c.write(owner as object, out),
    prepare(owner, _codec, used) {
      if (!c.any(owner as object)) return false
      used.add(prefix)
      return true
    },
    has: (_owner, any) => any === true,
    text: (t, owner, any) => {
      if (any === true) c.text(t, owner as object)
    },
    jsonKeys: c.jsonKeys,
    readJson: (errs, o, ctx, owner) => c.readJson(errs, o, ctx, owner as object),
    writeJson(owner, out) {
      c.writeJson(owner as object, out)
      return out
    },
  }
}

// The .NET client writes paging links as `$first`, `$next`, … string members; they are read after `$links`.
const SHORTHAND_RELS = ['self', 'first', 'previous', 'next', 'last'] as const

/**
 * The Atom links of a feed or an entry (`links`, `$links`): a link of another shape is kept as an extension. The .NET
 * client's `$first`, `$next`, … members are read as links too.
 *
 * @example
 * ```ts
 * linksMember(LINK)
 * ```
 */
export function linksMember<O extends { links: Link[] }>(d: AttributeElement): OwnerMember<O> {
  const links = compileAttributeElement<Link>(d)
  return {
    name: 'links',
    keys: ['links'],
    arbitrary: { kind: 'attributes', element: d },
    namespace: d.namespace,
    read(c, _path, _problems, owner) {
      if (c.localName !== d.name) return undefined
      const link = links.read(c)
      if (link === undefined) return undefined
      owner.links.push(link)
      return 'taken'
    },
    write(owner, out) {
      for (const l of owner.links) out.push(links.write(l))
    },
    prepare: () => undefined,
    has: (owner) => owner.links.length > 0,
    text(t, owner) {
      for (const l of owner.links) links.text(t, l)
    },
    jsonKeys: ['$links', ...SHORTHAND_RELS.map((rel) => `$${rel}`)],
    readJson(errs, o, c, owner) {
      const out = optArray(errs, o, '$links', c, (v, vc) => links.readJson(errs, v, vc)) ?? []
      for (const rel of SHORTHAND_RELS) {
        const href = optString(errs, o, `$${rel}`, c)
        if (href !== undefined) out.push({ rel, href })
      }
      owner.links = out
    },
    writeJson(owner, out) {
      const encoded = nonEmpty(owner.links?.map(links.writeJson))
      if (encoded !== undefined) out.$links = encoded
      return out
    },
  }
}

/**
 * A described element held at most once, as the member `key` (`$key` in JSON): the first such child is read (a
 * broken one is an error); a second is kept as an extension, and so is one that `skip` leaves.
 *
 * @example
 * ```ts
 * elementMember('syncState', SYNC_STATE, isNilElement) // <sync:syncState xsi:nil="true"/> stays an extension
 * ```
 */
export function elementMember<O>(
  key: string,
  d: ElementDescription<any>,
  skip?: (el: XmlElement) => boolean,
): OwnerMember<O> {
  const read = compileReader(d, SDATA)
  const write = compileWriter(d, SDATA)
  const readJson = compileJsonReader(d)
  const writeJson = compileJsonWriter(d)
  const json = `$${key}`
  return {
    name: key,
    keys: [key],
    arbitrary: { kind: 'element', element: d },
    namespace: d.namespace!,
    read(c, path, problems, owner) {
      const o = owner as AnyOwner
      if (c.localName !== d.name || o[key] !== undefined || skip?.(c) === true) return undefined
      const v = read(c, at(path, c), problems)
      if (v === undefined) return 'failed'
      o[key] = v
      return 'taken'
    },
    write(owner, out) {
      const v = (owner as AnyOwner)[key]
      if (v !== undefined) out.push(write(v))
    },
    prepare(owner, _codec, used) {
      const v = (owner as AnyOwner)[key]
      if (v === undefined) return undefined
      const tree = write(v)
      addUsedPrefixes(tree, used)
      return tree
    },
    has: (_owner, tree) => tree !== undefined,
    text(t, _owner, tree) {
      if (tree !== undefined) t.tree(ATOM_PARENT, '', tree as XmlElement)
    },
    jsonKeys: [json],
    readJson(errs, o, c, owner) {
      const raw = member(o, json)
      if (raw === undefined) return
      const v = readJson(errs, raw, jsonAt(c, json, t.unknown, raw))
      if (v !== undefined) (owner as AnyOwner)[key] = v
    },
    writeJson(owner, out) {
      const v = (owner as AnyOwner)[key]
      if (v !== undefined) out[json] = writeJson(v)
      return out
    },
  }
}

/**
 * Where an owner's kept extensions are written (`$extensions` in JSON): children no member took, as read.
 *
 * @example
 * ```ts
 * extensionsMember() // last among an entry's members; before a feed's entries
 * ```
 */
export function extensionsMember<O extends { extensions: XmlElement[] }>(): OwnerMember<O> {
  return {
    name: 'extensions',
    keys: ['extensions'],
    arbitrary: { kind: 'given' },
    write(owner, out) {
      for (const x of owner.extensions) out.push(x)
    },
    prepare(owner, _codec, used) {
      for (const x of owner.extensions) addUsedPrefixes(x, used)
      return undefined
    },
    has: (owner) => owner.extensions.length > 0,
    text(t: TextWriter, owner) {
      for (const x of owner.extensions) t.tree(ATOM_PARENT, '', x)
    },
    jsonKeys: ['$extensions'],
    readJson(errs, o, c, owner) {
      owner.extensions = readExtensions(errs, o, c)
    },
    writeJson(owner, out) {
      const encoded = encodeExtensions(owner.extensions)
      if (encoded !== undefined) out.$extensions = encoded
      return out
    },
  }
}
