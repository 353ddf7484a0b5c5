// The conflict bench's scenario and its proxy loops, shared by bench/conflict.bench.mjs, bench/conflict-ab.mjs,
// bench/conflict-variants.mjs and bench/conflict-floor.mjs.
// processFeed itself is not imported here: each caller passes its own build's.

export const ENDPOINTS = 1000
const STAMP = '2025-06-01T12:00:00.0000000Z'
const endpoints = Array.from({ length: ENDPOINTS }, (_, i) => `http://bench.example/sdata/app${i}/contract/-/accounts`)

// A catch-up page as a source would send it: entries round-robin over the endpoints, ascending ticks per
// endpoint, every stamp distinct; the target knows every endpoint and holds an older version of every other uuid.
// The target's store is an array indexed by the uuid's number, so the figure is processFeed's own cost: a
// hash-map store adds its own lookups (printed apart), a database far more.
const indexOf = (uuid) => {
  let n = 0
  for (let i = uuid.length - 12; i < uuid.length; i++) n = n * 10 + uuid.charCodeAt(i) - 48
  return n
}

export function scenario(n, store) {
  const entries = new Array(n)
  const held = store === 'map' ? new Map() : new Array(n)
  for (let i = 0; i < n; i++) {
    const e = i % ENDPOINTS
    const tick = 100 + Math.floor(i / ENDPOINTS)
    const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
    const stamp = `2025-06-01T12:${String(Math.floor(i / 600000) % 60).padStart(2, '0')}:${String(Math.floor(i / 10000) % 60).padStart(2, '0')}.${String(i % 10000).padStart(4, '0')}000Z`
    entries[i] = { syncState: { endpoint: endpoints[e], tick, stamp }, payload: { uuid, isDeleted: false } }
    const state = i % 2 === 1 ? { endpoint: endpoints[(e + 1) % ENDPOINTS], tick: 50, stamp: STAMP } : undefined
    if (store === 'map') {
      if (state !== undefined) held.set(uuid, state)
    } else held[i] = state
  }
  const digest = (tick, priority) => ({
    entries: endpoints.map((endpoint, k) => ({ endpoint, tick, stamp: STAMP, conflictPriority: priority(k) })),
  })
  return {
    targetDigest: digest(100, (k) => 1 + (k % 9)),
    feed: { syncMode: 'catchUp', digest: digest(100 + Math.ceil(n / ENDPOINTS), (k) => 1 + (k % 9)), entries },
    lookup: store === 'map' ? (uuid) => held.get(uuid) : (uuid) => held[indexOf(uuid)],
    lastPage: true,
  }
}

// The same input with every uuid and stamp a slice of one long text, as a decoder gives them (in place).
export function sliceStrings(input) {
  const parts = []
  let at = 0
  const places = []
  for (const e of input.feed.entries) {
    for (const s of [e.payload.uuid, e.syncState.stamp]) {
      places.push(at, s.length)
      parts.push(s, '|')
      at += s.length + 1
    }
  }
  const text = parts.join('')
  input.feed.entries.forEach((e, i) => {
    e.payload.uuid = text.slice(places[4 * i], places[4 * i] + places[4 * i + 1])
    e.syncState.stamp = text.slice(places[4 * i + 2], places[4 * i + 2] + places[4 * i + 3])
  })
  return input
}

// The same input with the fraction of every other thousand entries' stamps cut to four digits ('….0512Z' rather than
// '….0512000Z'), as writers that drop trailing zeros give (in place): most digest advances then meet stamps of two
// lengths.
export function mixStampLengths(input) {
  input.feed.entries.forEach((e, i) => {
    if (Math.floor(i / 1000) % 2 === 0) e.syncState.stamp = e.syncState.stamp.replace(/000Z$/, 'Z')
  })
  return input
}

// The floor processFeed is measured against: a loop doing per entry the lookups and integer comparisons of the
// §5.4 rules and of the digest advance (target state, both digests' maps, tick comparisons, one decision record),
// and nothing else. Its decisions are not checked; only its cost is of interest. Two forms: building the decision
// list by push, and into an array sized once.
//
// `bench/conflict-floor.mjs` runs the same loop with processFeed's own checks added through the hooks (the one loop
// for both, so that the proxy and "the proxy plus the checks" differ by the checks alone):
// - `sized`: the decision list allocated once at its final size, rather than grown by push;
// - `stamp`: when the entry raises its endpoint's tick, its stamp is classified by `stamp(s)` and, when that says
//   yes, kept as the digest's if later in code-unit order (`() => true` keeps it unchecked); a no counts as a stamp
//   that is not plain, which the bench's page never has;
// - `hashes`: `hashes(n)` makes a repeated-uuid check of n entries (`add(uuid)`, then `repeats(uuidAt)`), fed every
//   entry's uuid before its lookup, asked at the end; the bench's page repeats no uuid.
// Without `stamp` and `hashes` the loop is the proxy: each hook costs it one test of a value that never changes.
const SAME_NEWER = { action: 'apply' }
const OTHER = { action: 'ignore' }
export function proxyLoop(input, { sized = false, stamp, hashes: makeHashes } = {}) {
  const source = new Map(input.feed.digest.entries.map((e) => [e.endpoint, e]))
  const target = new Map(input.targetDigest.entries.map((e) => [e.endpoint, { ...e }]))
  const entries = input.feed.entries
  const lookup = input.lookup
  const decisions = sized ? new Array(entries.length) : []
  const hashes = makeHashes === undefined ? undefined : makeHashes(entries.length)
  let notPlain = 0
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]
    const state = entry.syncState
    const uuid = entry.payload.uuid
    if (hashes !== undefined) hashes.add(uuid)
    const current = lookup(uuid)
    let decision = SAME_NEWER
    if (current !== undefined) {
      if (current.endpoint === state.endpoint) decision = state.tick > current.tick ? SAME_NEWER : OTHER
      else {
        const seen = source.get(current.endpoint)
        if (seen === undefined || seen.tick <= current.tick) {
          const mine = target.get(state.endpoint)
          decision = mine !== undefined && mine.tick > state.tick ? OTHER : SAME_NEWER
        }
      }
    }
    const cur = target.get(state.endpoint)
    if (cur !== undefined && cur.tick < state.tick + 1) {
      cur.tick = state.tick + 1
      if (stamp !== undefined) {
        const s = state.stamp
        if (!stamp(s)) notPlain++
        else if (s > cur.stamp) cur.stamp = s
      }
    }
    if (sized) decisions[i] = { index: i, uuid, decision }
    else decisions.push({ index: i, uuid, decision })
  }
  // The page has plain stamps and distinct uuids; anything else means the loop did not do what it claims.
  if (notPlain > 0 || hashes?.repeats((k) => decisions[k].uuid) === true) throw new Error('bad page')
  return decisions
}
const PUSH = { sized: false }
const SIZED = { sized: true }
export const proxy = (input) => proxyLoop(input, PUSH)
// The same loop with its output array allocated once at its final size, as processFeed allocates its own: the
// stricter floor, since growing the array by push costs the proxy more than all its lookups.
export const sizedProxy = (input) => proxyLoop(input, SIZED)
