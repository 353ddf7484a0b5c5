// The Atom sync feed (sync §4.4, §5.8), `$syncTarget` result feed (§5.3) and batch response (core §13.4), described
// once (docs/schema.md): Atom members, OpenSearch figures (core §6.4), syncMode, the source digest, diagnoses, kept
// extensions and the entries. Its XML reader and writers, JSON mapping, guard and arbitrary are derived.
import type { XmlAttribute, XmlElement } from '../xml/types'
import { diagnosesMember } from './diagnoses'
import { DIGEST } from './digest'
import { ENTRY, readEntry, writeEntry } from './entry'
import { ATOM_HEAD, LINK, OPENSEARCH, SYNC_MODE } from './leaves'
import type { SyncEntry, SyncFeed } from './model'
import { ATOM_NS } from './namespaces'
import type { PayloadCodec } from './payload'
import { at, type Path, type Problems } from './read'
import { elementMember, extensionsMember, groupMember, linksMember } from './schema/members'
import {
  compileOwnerReader,
  compileOwnerWriter,
  type OwnerDescription,
  type OwnerMember,
  ownerGuard,
} from './schema/owner'
import { ownerText } from './schema/owner-text'

/**
 * The entries of a feed (`$resources` in JSON, which SData 2.0 requires): each `atom:entry` read as {@link ENTRY}
 * describes it; written one at a time on the text path, so that what an entry allocates dies young.
 *
 * @example
 * ```ts
 * const FEED_MEMBERS = [..., entriesMember]
 * ```
 */
export const entriesMember: OwnerMember<{ entries: SyncEntry<any>[] }> = {
  name: 'entries',
  keys: ['entries'],
  is: { kind: 'entries', entry: ENTRY },
  namespace: ATOM_NS,
  read(c, path, problems, owner, codec) {
    if (c.localName !== ENTRY.name) return undefined
    const entry = readEntry(c, at(path, c, true), problems, codec)
    if (entry === undefined) return 'failed'
    owner.entries.push(entry)
    return 'taken'
  },
  write(owner, out, codec) {
    for (const e of owner.entries) out.push(writeEntry(e, codec))
  },
  prepare: () => undefined,
  has: (owner) => owner.entries.length > 0,
  text(t, owner, _prepared, codec, used) {
    const entry = ownerText(ENTRY)
    for (const e of owner.entries) entry.element(t, e, codec, used)
  },
}

/**
 * `atom:feed`: its members in the spec's order (id, title, updated, links, the OpenSearch figures, syncMode, the
 * digest, the diagnoses, the kept extensions, then the entries). JSON writes `$resources` before `$extensions`.
 *
 * @example
 * ```ts
 * readFeed(el, path, problems, undefined) // SyncFeed | undefined
 * ```
 */
export const FEED: OwnerDescription<SyncFeed<any>> = {
  namespace: ATOM_NS,
  name: 'feed',
  what: 'a feed',
  members: [
    groupMember('head', ATOM_HEAD),
    linksMember(LINK),
    groupMember('opensearch', OPENSEARCH),
    groupMember('syncMode', SYNC_MODE),
    elementMember('digest', DIGEST),
    diagnosesMember,
    extensionsMember(),
    entriesMember,
  ],
  jsonOrder: ['head', 'links', 'opensearch', 'syncMode', 'digest', 'diagnoses', 'entries', 'extensions'],
  guard: ['links', 'diagnoses', 'entries', 'extensions'],
}

/** Reads an `atom:feed`; `undefined` when a member it models is broken (the errors are in `problems`). */
export const readFeed: <V>(
  el: XmlElement,
  path: Path,
  problems: Problems,
  codec: PayloadCodec<V> | undefined,
) => SyncFeed<V> | undefined = compileOwnerReader(FEED)

/** Writes an `atom:feed` in the spec's form: metadata, syncMode, digest, diagnoses, extensions, then the entries. */
export const writeFeed: <V>(
  feed: SyncFeed<V>,
  codec: PayloadCodec<V> | undefined,
  attributes: XmlAttribute[],
) => XmlElement = compileOwnerWriter(FEED)

/** Whether a value is a feed: its links, diagnoses, entries and extensions are arrays. */
export const isFeed: (u: unknown) => u is SyncFeed<any> = ownerGuard(FEED)
