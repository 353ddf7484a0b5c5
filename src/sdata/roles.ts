// What a sync feed or entry is for, which decides the rules validateSyncFeed/validateSyncEntry apply to it.
// The roles of sync §4.4 (source feed, $syncTarget request), §5.3 (result feed) and §5.1–§5.2 (digest entry).

/**
 * Every role a feed can be validated in, as a value (the `--role` values of `syncwire validate` come from here):
 * - `source`: a sync feed read from `$syncSource` (the default);
 * - `target-request`: the feed POSTed to `$syncTarget` (needs `syncMode` as well);
 * - `result`: a `$syncTarget` result feed or batch response (entries need `http:httpStatus`, not syncState).
 *
 * @example
 * ```ts
 * SYNC_FEED_ROLES.includes('result') // true
 * ```
 */
export const SYNC_FEED_ROLES = ['source', 'target-request', 'result'] as const

/**
 * What a feed is for: one of {@link SYNC_FEED_ROLES}.
 *
 * @example
 * ```ts
 * const role: SyncFeedRole = 'target-request'
 * ```
 */
export type SyncFeedRole = (typeof SYNC_FEED_ROLES)[number]

/**
 * Every role a standalone entry can be validated in: the feed roles (an entry taken out of a feed) and `digest`,
 * a `$syncDigest` response or a `$syncSource` POST body (a `sync:digest` inside `sdata:payload`, sync §5.1–§5.2).
 *
 * @example
 * ```ts
 * SYNC_ENTRY_ROLES.includes('digest') // true
 * ```
 */
export const SYNC_ENTRY_ROLES = [...SYNC_FEED_ROLES, 'digest'] as const

/**
 * What a standalone entry is for: one of {@link SYNC_ENTRY_ROLES}.
 *
 * @example
 * ```ts
 * const role: SyncEntryRole = 'digest'
 * ```
 */
export type SyncEntryRole = (typeof SYNC_ENTRY_ROLES)[number]
