// The simple members of SData feeds and entries, each described once (docs/schema.md): the Atom link, the Atom
// `id`/`title`/`updated` and `content` leaves, `sync:syncMode`, the OpenSearch figures (core §6.4) and the `http:*`
// result elements (sync §5.3, core §13.4). Their readers, writers, JSON members and arbitraries are derived (as
// members of the feed's and the entry's descriptions, src/sdata/schema/members.ts).
import { IntegerValue, NonNegativeIntegerValue, StampValue, TextValue, type ValueType } from '../codec/values'
import type { HttpResult, OpenSearch, SyncMode } from './model'
import { ATOM_NS, HTTP_NS, OPENSEARCH_NS, SYNC_NS } from './namespaces'
import { trimXml } from './read'
import type { AttributeElement } from './schema/attributes'
import { groupLeaf, type LeafGroup } from './schema/group'

/**
 * `atom:link`: `rel`, `type`, `title` and `href` (required), written in that order, as the spec's examples are. A
 * link with anything else (a qualified or unknown attribute, content) is kept as an extension. JSON: an item of
 * `$links` with the same member names.
 *
 * @example
 * ```ts
 * compileAttributeElement<Link>(LINK).read(el) // { rel: 'next', href: '…' }
 * ```
 */
export const LINK: AttributeElement = {
  namespace: ATOM_NS,
  name: 'link',
  what: 'a link',
  attributes: [
    { key: 'rel', required: false },
    { key: 'type', required: false },
    { key: 'title', required: false },
    { key: 'href', required: true },
  ],
}

/**
 * The Atom `id`, `title` and `updated` of a feed or an entry (`$id`, `$title`, `$updated` in JSON).
 *
 * @example
 * ```ts
 * compileGroup(ATOM_HEAD).write(entry, out) // <id>…</id><title>…</title><updated>…</updated>
 * ```
 */
export const ATOM_HEAD: LeafGroup = {
  namespace: ATOM_NS,
  leaves: [groupLeaf('id', TextValue), groupLeaf('title', TextValue), groupLeaf('updated', StampValue)],
}

/**
 * An entry's `atom:content` when it is plain text (`$content`); other content stays an extension.
 *
 * @example
 * ```ts
 * compileGroup(ATOM_CONTENT).write(entry, out) // <content>…</content>
 * ```
 */
export const ATOM_CONTENT: LeafGroup = { namespace: ATOM_NS, leaves: [groupLeaf('content', TextValue)] }

/**
 * `sync:syncMode`, read leniently (white space around ignored); its JSON member is a string too.
 *
 * @example
 * ```ts
 * SyncModeValue.read(' catchUp ') // 'catchUp'
 * ```
 */
export const SyncModeValue: ValueType<SyncMode> = {
  name: 'sync mode',
  jsType: 'string',
  read: (text) => {
    const mode = trimXml(text)
    if (mode === 'catchUp' || mode === 'immediate') return mode
    return { problem: `expected catchUp or immediate, found ${JSON.stringify(text)}` }
  },
  write: (mode) => mode,
  readJson: (u) =>
    u === 'catchUp' || u === 'immediate' ? u : { problem: `${JSON.stringify(u)} is neither catchUp nor immediate` },
  writeJson: (mode) => mode,
}

/**
 * A feed's `sync:syncMode` (`$syncMode`).
 *
 * @example
 * ```ts
 * compileGroup(SYNC_MODE).write(feed, out) // <sync:syncMode>catchUp</sync:syncMode>
 * ```
 */
export const SYNC_MODE: LeafGroup = { namespace: SYNC_NS, leaves: [groupLeaf('syncMode', SyncModeValue)] }

/**
 * A feed's OpenSearch figures (core §6.4), in `opensearch` (`$totalResults`, `$startIndex`, `$itemsPerPage`).
 *
 * @example
 * ```ts
 * compileGroup(OPENSEARCH).write({ opensearch: { totalResults: 2 } }, out) // <opensearch:totalResults>2</…>
 * ```
 */
export const OPENSEARCH: LeafGroup = {
  namespace: OPENSEARCH_NS,
  into: 'opensearch',
  leaves: (['totalResults', 'startIndex', 'itemsPerPage'] satisfies (keyof OpenSearch)[]).map((k) =>
    groupLeaf(k, NonNegativeIntegerValue),
  ),
}

const http = (key: keyof HttpResult, name: string, type: ValueType<any> = TextValue) => groupLeaf(key, type, name)

/**
 * The `http:*` result elements of a result or batch entry (sync §5.3), in `http`, written in the spec's order
 * (`$httpStatus`, `$httpMessage`, `$location`, `$httpMethod`, `$etag` in JSON).
 *
 * @example
 * ```ts
 * compileGroup(HTTP_RESULT).write({ http: { status: 200 } }, out) // <http:httpStatus>200</http:httpStatus>
 * ```
 */
export const HTTP_RESULT: LeafGroup = {
  namespace: HTTP_NS,
  into: 'http',
  leaves: [
    http('status', 'httpStatus', IntegerValue),
    http('message', 'httpMessage'),
    http('location', 'location'),
    http('method', 'httpMethod'),
    http('etag', 'etag'),
  ],
}
