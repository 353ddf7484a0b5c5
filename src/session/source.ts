// The source role: the pages of a sync feed for a target digest, and the feed of an immediate push.
// Implements sync §2.5 (change selection), §4.4 (the sync feed: syncMode, source digest, syncState, payload), §5.2, §5.6, §5.8.
import { selectChanges } from '../conflict/select'
import type { ConflictOptions } from '../conflict/types'
import type { Digest, Stamp, SyncEntry, SyncFeed, SyncMode } from '../sdata/model'
import type { SourceStore, SyncResource } from './types'

/**
 * Options of {@link sourcePages} and {@link immediateFeed}.
 *
 * @example
 * ```ts
 * const options: SourceFeedOptions = { endpoint: 'http://a/sdata/app1/c/-/accounts', pageSize: 50 }
 * ```
 */
export interface SourceFeedOptions extends ConflictOptions {
  /** The source endpoint (its collection URL): the digest's `origin`. */
  endpoint: string
  /** Entries per page (default 100). */
  pageSize?: number
  /** The feed's URL (its `id` and `self` link), e.g. `…/$syncSource('<trackingID>')`; default `endpoint`. */
  url?: string
  /** The feed's `updated` stamp. */
  updated?: Stamp
}

/** The entry that carries one resource: its syncState and its payload (a tombstone travels as an empty element). */
function entryOf(endpoint: string, r: SyncResource): SyncEntry {
  const deleted = r.deleted === true
  return {
    id: `${endpoint}('${r.uuid}')`,
    title: '',
    links: [],
    syncState: { ...r.syncState },
    payload: { uuid: r.uuid, isDeleted: deleted, element: deleted ? { ...r.element, children: [] } : r.element },
    diagnoses: [],
    extensions: [],
  }
}

function feedOf(options: SourceFeedOptions, mode: SyncMode, digest: Digest, entries: SyncEntry[]): SyncFeed {
  const url = options.url ?? options.endpoint
  const feed: SyncFeed = {
    id: url,
    title: `${mode === 'catchUp' ? 'Synchronization' : 'Immediate synchronization'} feed of ${options.endpoint}`,
    links: [],
    syncMode: mode,
    digest: { ...digest, origin: options.endpoint },
    diagnoses: [],
    entries,
    extensions: [],
  }
  if (options.updated !== undefined) feed.updated = options.updated
  return feed
}

const pageLink = (url: string, start: number, count: number) =>
  `${url}${url.includes('?') ? '&' : '?'}startIndex=${start}&count=${count}`

/**
 * The pages of the catch-up feed a source sends to a target whose digest is `targetDigest` (§5.2, §5.6): the
 * resources the target has not incorporated (`selectChanges`, §2.5), in ascending tick order, `pageSize` to a page.
 * Every page carries `syncMode` `catchUp`, the source digest (origin = the endpoint), OpenSearch figures and
 * `self`/`first`/`next` links; the last page has no `next` link, which is how the target knows to merge the source
 * digest (§5.5). There is always at least one page, possibly empty.
 *
 * A version the source's own digest does not cover (its tick at or above the digest's tick for its endpoint, as
 * when the source's store could not take an earlier change of that endpoint) is held back: the target would take it
 * as proof of every earlier change of that endpoint (§5.5 advances the tick to just above it) and never ask for them.
 *
 * Build the pages once, when the `$syncSource` request arrives: a digest and a selection taken together are what
 * make the end-of-feed merge safe, so later pages must not pick up changes made since.
 *
 * @example
 * ```ts
 * const pages = sourcePages(store, targetDigest, { endpoint: 'http://a/sdata/app1/c/-/accounts', pageSize: 2 })
 * SyncFeedXml.encode(pages[0]!) // the first page, as XML
 * ```
 */
export function sourcePages(store: SourceStore, targetDigest: Digest, options: SourceFeedOptions): SyncFeed[] {
  const size = Math.max(1, Math.floor(options.pageSize ?? 100))
  const digest = store.digest()
  const selected = selectChanges(targetDigest, covered(store.resources(), digest, options), options)
  const url = options.url ?? options.endpoint
  const count = Math.max(1, Math.ceil(selected.length / size))
  const pages: SyncFeed[] = []
  for (let p = 0; p < count; p++) {
    const start = p * size + 1
    const entries = selected.slice(p * size, (p + 1) * size).map((r) => entryOf(options.endpoint, r))
    const feed = feedOf(options, 'catchUp', digest, entries)
    feed.links.push({
      rel: 'self',
      type: 'application/atom+xml; type=feed',
      href: p === 0 ? url : pageLink(url, start, size),
    })
    feed.links.push({ rel: 'first', type: 'application/atom+xml; type=feed', href: url })
    if (p < count - 1) {
      feed.links.push({ rel: 'next', type: 'application/atom+xml; type=feed', href: pageLink(url, start + size, size) })
    }
    feed.opensearch = { totalResults: selected.length, startIndex: start, itemsPerPage: size }
    pages.push(feed)
  }
  return pages
}

/**
 * The feed of an immediate push (§3.4, §5.8): the given resources (those just changed), in ascending tick order,
 * with `syncMode` `immediate` and the source digest. Post it with `createSyncEngine({ mode: 'immediate', feed })`.
 * The target refuses it with `400` when it missed earlier changes of an endpoint; a catch-up pass then follows.
 *
 * @example
 * ```ts
 * const feed = immediateFeed(store, [justChanged], { endpoint: 'http://a/sdata/app1/c/-/accounts' })
 * createSyncEngine({ target, mode: 'immediate', feed: SyncFeedXml.encode(feed) })
 * ```
 */
export function immediateFeed(
  store: Pick<SourceStore, 'digest'>,
  resources: Iterable<SyncResource>,
  options: SourceFeedOptions,
): SyncFeed {
  const sorted = [...resources].sort((a, b) => a.syncState.tick - b.syncState.tick)
  return feedOf(
    options,
    'immediate',
    store.digest(),
    sorted.map((r) => entryOf(options.endpoint, r)),
  )
}

// The resources whose version the digest covers (tick below the digest's tick for the endpoint); an endpoint the
// digest does not know is not held back.
function* covered(resources: Iterable<SyncResource>, digest: Digest, options: ConflictOptions): Iterable<SyncResource> {
  const key = options.endpointKey ?? ((e: string) => e)
  const ticks = new Map(digest.entries.map((e) => [key(e.endpoint), e.tick]))
  for (const r of resources) {
    const tick = ticks.get(key(r.syncState.endpoint))
    if (tick === undefined || r.syncState.tick < tick) yield r
  }
}
