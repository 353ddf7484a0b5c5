// Sequential paging of sync feeds: the `next` link and the consistency of a sequence of pages.
// Implements core §6.4 (sequential paging links, OpenSearch figures) and sync §2.2/§5.6 (ticks across pages).
import { issueAt, StepPath } from '../common/issue-list'
import type { Issue } from '../common/issues'
import { thrownMessage } from '../xml/issue'
import type { Link, SyncFeed } from './model'
import { checkTickOrder, type LocatedState } from './validate'

/** RFC 4287 §4.2.7.2: a registered relation name and its IANA IRI are the same relation. */
const NEXT_IRI = 'http://www.iana.org/assignments/relation/next'

/**
 * The `href` of the feed's first `rel="next"` link, exactly as sent (a line break inside it included,
 * as in the spec's §4.4 example), or `undefined` on the last page. Consumers follow it as is (core §6.4).
 *
 * @example
 * ```ts
 * let page = firstPage
 * for (let href = nextPage(page); href !== undefined; href = nextPage(page)) page = await fetchPage(href)
 * ```
 */
export function nextPage(feed: { links: readonly Link[] }): string | undefined {
  const links = Array.isArray(feed?.links) ? feed.links : []
  for (const link of links) {
    if (link !== null && typeof link === 'object' && (link.rel === 'next' || link.rel === NEXT_IRI)) {
      if (typeof link.href === 'string') return link.href
    }
  }
  return undefined
}

/**
 * Checks that consecutive pages of one sync feed (in the order they were read) form one consistent feed:
 * per endpoint, ticks keep strictly increasing across pages and no (endpoint, tick) pair repeats (errors);
 * every page but the last has a `next` link and no `next` link repeats (errors); the syncMode stays the
 * same, `startIndex` follows on from the previous page and only the last page is short (warnings).
 * Problems inside one page are left to {@link validateSyncFeed}. Paths start with `/page[N]` (1-based).
 *
 * @example
 * ```ts
 * const issues = checkPageSequence([page1, page2, page3])
 * // [{ severity: 'error', path: '/page[2]/feed/entry[1]/sync:syncState/tick', message: 'tick 4 of … does not increase …' }]
 * ```
 */
export function checkPageSequence(pages: readonly SyncFeed[]): Issue[] {
  const issues: Issue[] = []
  try {
    checkPages(pages, issues)
  } catch (cause) {
    issues.push(
      issueAt('error', 'rule', StepPath.fromText('/'), `the pages could not be inspected: ${thrownMessage(cause)}`),
    )
  }
  return issues
}

/** The feed of page `n` (1-based): `/page[n]/feed`. */
function pageAt(n: number): StepPath {
  return StepPath.of([
    { kind: 'element', name: 'page', position: n },
    { kind: 'element', name: 'feed' },
  ])
}

function checkPages(pages: readonly SyncFeed[], issues: Issue[]): void {
  const states: LocatedState[] = []
  const nextSeen = new Map<string, number>()
  pages.forEach((page, p) => {
    const base = pageAt(p + 1)
    const entries = Array.isArray(page.entries) ? page.entries : []
    entries.forEach((entry, index) => {
      const state = entry?.syncState
      if (state !== null && typeof state === 'object') {
        states.push({ at: base.element('entry', index + 1).element('sync:syncState'), state, page: p })
      }
    })
    const next = nextPage(page)
    const isLast = p === pages.length - 1
    if (next === undefined && !isLast) {
      issues.push(
        issueAt('error', 'rule', base.element('link'), `page ${p + 1} has no next link, yet more pages follow`),
      )
    }
    if (next !== undefined) {
      const earlier = nextSeen.get(next)
      if (earlier !== undefined) {
        issues.push(
          issueAt(
            'error',
            'rule',
            base.element('link'),
            `the next link repeats page ${earlier + 1}'s; following it would loop`,
          ),
        )
      } else nextSeen.set(next, p)
    }
    if (p > 0) checkAgainstPrevious(pages[p - 1]!, page, p, issues)
  })
  issues.push(...checkTickOrder(states, true))
}

function checkAgainstPrevious(previous: SyncFeed, page: SyncFeed, p: number, issues: Issue[]): void {
  const base = pageAt(p + 1)
  if (previous.syncMode !== page.syncMode) {
    issues.push(
      issueAt(
        'warning',
        'rule',
        base.element('sync:syncMode'),
        `syncMode ${String(page.syncMode)} differs from page ${p}'s ${String(previous.syncMode)}`,
      ),
    )
  }
  const before = previous.opensearch
  const count = Array.isArray(previous.entries) ? previous.entries.length : 0
  if (before?.itemsPerPage !== undefined && count < before.itemsPerPage) {
    issues.push(
      issueAt(
        'warning',
        'rule',
        pageAt(p).element('opensearch:itemsPerPage'),
        `page ${p} holds ${count} entries, fewer than itemsPerPage ${before.itemsPerPage}, but is not the last page`,
      ),
    )
  }
  const start = page.opensearch?.startIndex
  if (before?.startIndex !== undefined && start !== undefined && start !== before.startIndex + count) {
    issues.push(
      issueAt(
        'warning',
        'rule',
        base.element('opensearch:startIndex'),
        `startIndex ${start} does not follow page ${p} (startIndex ${before.startIndex} + ${count} entries)`,
      ),
    )
  }
}
