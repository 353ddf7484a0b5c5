// An SData sync endpoint as a sans-I/O request handler: the source and target roles behind their sync URLs.
// Implements sync §4.1 ($syncDigest, $syncSource, $syncTarget), §5.1–§5.3, §5.6 and core §3.11 (202 + tracking).

import { randomGuid } from '../common/guid'
import { LONE_SURROGATE } from '../common/uri'
import type { ProcessFeedOptions } from '../conflict/types'
import { SyncEntryXml, SyncFeedXml } from '../sdata/codecs'
import { DiagnosesXml, TrackingXml } from '../sdata/documents'
import type { Diagnosis, SyncFeed, SyncState } from '../sdata/model'
import { SDATA_NS } from '../sdata/namespaces'
import { nextPage } from '../sdata/paging'
import { ATOM_ENTRY, ATOM_FEED, contextUrl, parseSyncPath, splitUrl, trackingIdOf, XML } from './http'
import { decodeBody } from './read'
import { sourcePages } from './source'
import { processPage } from './target'
import type { SourceStore, SyncRequest, SyncResponse, TargetStore } from './types'

/**
 * Options of {@link createSyncEndpoint}.
 *
 * @example
 * ```ts
 * const options: SyncEndpointOptions = { endpoint: 'http://a/sdata/app1/c/-/accounts', store, pageSize: 50 }
 * ```
 */
export interface SyncEndpointOptions {
  /** The endpoint: the collection URL that prefixes its sync URLs. */
  endpoint: string
  /** The storage of the collection: read as a source, read and written as a target. */
  store: SourceStore & TargetStore
  /** Entries per source page (default 100). */
  pageSize?: number
  /** How many polls of a new `$syncSource`/`$syncTarget` context answer `202` before the result is ready (default 0). */
  pendingPolls?: number
  /** The `pollingMillis` the tracking documents ask for (default 500). */
  pollingMillis?: number
  /** Options of `processFeed` on the target side. */
  conflict?: ProcessFeedOptions
}

/**
 * An endpoint's answer: always text, with plain headers (a `SyncResponse`, so it can be handed to an engine as is).
 *
 * @example
 * ```ts
 * const answer: SyncAnswer = { status: 202, headers: { Location: "http://a/sdata/app1/c/-/accounts/$syncSource('42')" }, body: '<tracking …/>' }
 * ```
 */
export interface SyncAnswer extends SyncResponse {
  /** Response headers. */
  headers: Record<string, string>
  /** The XML body (empty for a DELETE). */
  body: string
}

/**
 * A sync endpoint: `handle(request)` answers one HTTP request; the caller's server does the I/O.
 *
 * @example
 * ```ts
 * const res = endpoint.handle({ method: 'GET', url: 'http://a/sdata/app1/c/-/accounts/$syncDigest', headers: {} })
 * ```
 */
export interface SyncEndpoint {
  /** Answers one request to one of the endpoint's sync URLs (`404` for any other URL). */
  handle(request: SyncRequest): SyncAnswer
  /** Forgets every open `$syncSource` and `$syncTarget` context, as a restarted server would. */
  reset(): void
}

interface Job {
  /** Polls still to answer with 202. */
  polls: number
  /** The source pages, or the target's finished answer. */
  pages?: SyncFeed[]
  answer?: SyncAnswer
}

const sdataDiagnosis = (sdataCode: string, message: string): Diagnosis => ({
  severity: 'Error',
  sdataCode,
  message,
  extensions: [],
})

function fail(status: number, diagnoses: Diagnosis[]): SyncAnswer {
  return {
    status,
    headers: { 'Content-Type': XML },
    body: DiagnosesXml.encode({ root: 'diagnoses', diagnoses }),
  }
}

const badRequest = (message: string) => fail(400, [sdataDiagnosis('ApplicationDiagnosis', message)])
const notFound = (message: string) => fail(404, [sdataDiagnosis('ResourceKindNotFound', message)])

/**
 * Creates an SData sync endpoint over the caller's store, as a sans-I/O handler: it takes a request value and
 * returns a response value, with the same XML a real provider exchanges. It serves:
 * - `GET …/$syncDigest`: the digest inside an Atom entry (§5.1);
 * - `POST …/$syncSource?trackingID=…`: the posted target digest selects the changes, taken at once and paged
 *   (`sourcePages`); the answer is `202` with a `Location` and a tracking document (§5.2, core §3.11);
 * - `GET …/$syncSource('<id>')[?startIndex=…]`: `202` while pending, then the pages, with `next` links (§5.6);
 * - `POST …/$syncTarget?trackingID=…`: the posted page is processed (`processPage`) and the answer is `202`, then
 *   the result feed at its `Location` (§5.3); an immediate page with a gap is refused with `400` (§5.8);
 * - `DELETE` of either context.
 *
 * A POST repeated with a trackingID already seen gets the first answer again, never a second job (§5.2): a lost
 * response costs nothing. Within one run (runName and runStamp), once a page had failures, later pages skip the
 * end-of-feed digest merge and hold their endpoints' ticks below the failed versions (`processPage`), so the failed
 * entries are sent again by the next pass. That memory survives `reset()`, as a provider's durable state would.
 *
 * @example
 * ```ts
 * const endpoint = createSyncEndpoint({ endpoint: 'http://a/sdata/app1/c/-/accounts', store })
 * const res = endpoint.handle(engine.next()!)
 * engine.receive(res)
 * ```
 */
export function createSyncEndpoint(options: SyncEndpointOptions): SyncEndpoint {
  const { endpoint, store } = options
  const pendingPolls = Math.max(0, options.pendingPolls ?? 0)
  const pollingMillis = options.pollingMillis ?? 500
  let sources = new Map<string, Job>()
  let targets = new Map<string, Job>()
  const failedRuns = new Map<string, SyncState[]>()

  const tracking = (location: string): SyncAnswer => ({
    status: 202,
    headers: { Location: location, 'Content-Type': XML },
    body: TrackingXml.encode({
      namespace: SDATA_NS,
      phase: 'Processing',
      progress: '0.0',
      pollingMillis,
      extensions: [],
    }),
  })

  const feedResponse = (feed: SyncFeed): SyncAnswer => ({
    status: 200,
    headers: { 'Content-Type': ATOM_FEED },
    body: SyncFeedXml.encode(feed),
  })

  function postSource(request: SyncRequest, id: string): SyncAnswer {
    const location = contextUrl(endpoint, '$syncSource', id)
    if (sources.has(id)) return tracking(location)
    const entry = decodeBody(SyncEntryXml, request.body ?? '')
    if ('issues' in entry) return badRequest(`the body is not an Atom entry: ${entry.issues[0]?.message}`)
    if (entry.value.digest === undefined) return badRequest('the posted entry holds no sync:digest')
    const pages = sourcePages(store, entry.value.digest, { endpoint, url: location, pageSize: options.pageSize ?? 100 })
    sources.set(id, { polls: pendingPolls, pages })
    return tracking(location)
  }

  function getSource(id: string, query: ReadonlyMap<string, string>): SyncAnswer {
    const job = sources.get(id)
    if (job === undefined) return notFound(`no $syncSource context '${id}'`)
    if (job.polls > 0) {
      job.polls--
      return tracking(contextUrl(endpoint, '$syncSource', id))
    }
    const pages = job.pages!
    const start = Number(query.get('startIndex') ?? '1')
    const size = pages[0]?.opensearch?.itemsPerPage ?? 1
    const index = Number.isSafeInteger(start) && start >= 1 ? Math.floor((start - 1) / size) : -1
    const page = pages[index]
    return page === undefined ? notFound(`no page at startIndex ${query.get('startIndex')}`) : feedResponse(page)
  }

  function postTarget(request: SyncRequest, id: string, query: ReadonlyMap<string, string>): SyncAnswer {
    const location = contextUrl(endpoint, '$syncTarget', id)
    const known = targets.get(id)
    if (known !== undefined) return known.answer!.status === 400 ? known.answer! : tracking(location)
    const posted = decodeBody(SyncFeedXml, request.body ?? '')
    if ('issues' in posted) return badRequest(`the body is not a sync feed: ${posted.issues[0]?.message}`)
    const run = `${query.get('runName') ?? ''}\u0000${query.get('runStamp') ?? ''}`
    const feed = posted.value
    const heldBack = failedRuns.get(run) ?? []
    const lastPage = nextPage(feed) === undefined && heldBack.length === 0
    const conflict = options.conflict === undefined ? {} : { options: options.conflict }
    const outcome = processPage({ endpoint, store, feed, lastPage, heldBack, ...conflict })
    if (outcome.status === 400) {
      const answer = fail(400, outcome.diagnoses)
      targets.set(id, { polls: 0, answer })
      return answer
    }
    if (outcome.failures) failedRuns.set(run, [...heldBack, ...outcome.heldBack])
    targets.set(id, { polls: pendingPolls, answer: feedResponse(outcome.results) })
    return tracking(location)
  }

  function getTarget(id: string): SyncAnswer {
    const job = targets.get(id)
    if (job === undefined) return notFound(`no $syncTarget context '${id}'`)
    if (job.polls > 0) {
      job.polls--
      return tracking(contextUrl(endpoint, '$syncTarget', id))
    }
    return job.answer!
  }

  function digestEntry(): SyncAnswer {
    const digest = { ...store.digest(), origin: endpoint }
    const body = SyncEntryXml.encode({
      id: `${endpoint}/$syncDigest`,
      title: 'Synchronization digest',
      links: [],
      digest,
      diagnoses: [],
      extensions: [],
    })
    return { status: 200, headers: { 'Content-Type': ATOM_ENTRY }, body }
  }

  return {
    reset() {
      sources = new Map()
      targets = new Map()
    },
    handle(request) {
      const { path, query } = splitUrl(request.url)
      const parsed = parseSyncPath(path)
      if (parsed === undefined || parsed.endpoint !== endpoint) return notFound(`no sync resource at ${path}`)
      const { operation, id } = parsed
      const method = request.method
      if (operation === '$syncDigest') return method === 'GET' ? digestEntry() : badRequest(`${method} $syncDigest`)
      if (id === undefined) {
        if (method !== 'POST') return badRequest(`${method} ${operation} needs a context id`)
        const tracked = trackingIdOf(query) ?? randomGuid()
        // UTF-8 cannot carry it: no URL would name the context (a percent-encoded form stays as written).
        if (LONE_SURROGATE.test(tracked)) return badRequest('the trackingID holds a lone surrogate')
        return operation === '$syncSource' ? postSource(request, tracked) : postTarget(request, tracked, query)
      }
      const jobs = operation === '$syncSource' ? sources : targets
      if (method === 'DELETE') {
        return jobs.delete(id) ? { status: 200, headers: {}, body: '' } : notFound(`no ${operation} context '${id}'`)
      }
      if (method !== 'GET') return badRequest(`${method} ${operation}('${id}')`)
      return operation === '$syncSource' ? getSource(id, query) : getTarget(id)
    },
  }
}
