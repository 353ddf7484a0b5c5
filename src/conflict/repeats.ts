// Whether a page repeats a uuid (case aside), found from 32-bit hashes of the uuids without a map of them.
// Serves processFeed's first pass, which assumes distinct uuids (sdata-sync §5.4 with §4.7's case-insensitive uuids).
import { uuidKey } from './target-states'

// Hashes per partition the check aims at: a partition's table (two slots per hash, 4 bytes each) then stays in the
// first-level cache, where one table for a whole million-entry page (8 MB) misses the cache on nearly every probe.
const PART = 2048
const TAIL = 8
// Scratch arrays kept between pages up to this many entries (4 bytes each, two arrays: 8 MB at most). Filling
// freshly allocated arrays costs a large page about a twentieth of its time; a reused one is already mapped.
const KEEP = 1 << 20
// A kept array of hashes, taken by the page that uses it (so a page decided from within a `lookup` gets its own).
let keptHashes: Uint32Array | undefined
let keptSpread: Uint32Array | undefined

/**
 * The hashes of a page's uuids, added in entry order; `repeats` then says whether two entries share a uuid.
 * Takes at most `size` uuids: past that, `repeats` answers yes, so that the caller decides the page exactly.
 */
export class UuidHashes {
  private readonly whole: Uint32Array
  private readonly hashes: Uint32Array
  private count = 0

  constructor(size: number) {
    const k = keptHashes
    keptHashes = undefined
    this.whole = k !== undefined && k.length >= size ? k : new Uint32Array(size)
    this.hashes = this.whole.subarray(0, size)
  }

  /** Records the next entry's uuid (a write past the end is dropped; see the class). */
  add(uuid: string): void {
    this.hashes[this.count++] = tailHash(uuid)
  }

  /** Whether two recorded entries share a uuid (case aside); `uuidAt(k)` is the k-th recorded uuid. */
  repeats(uuidAt: (k: number) => string): boolean {
    // Given back for the next page now: nothing below runs the caller's code, so no page takes it before this one
    // ends.
    if (this.whole.length <= KEEP) keptHashes = this.whole
    if (this.count > this.hashes.length) return true
    const hashes = this.hashes.subarray(0, this.count)
    const colliding = collidingHashes(hashes)
    if (colliding === undefined) return false
    // Equal uuids have equal hashes, so only entries whose hash occurs twice (true repeats and chance collisions,
    // some hundred in a million) are compared as strings.
    // A bit per low 16 bits of the colliding hashes spares nearly every entry the set lookup.
    const filter = new Int32Array(2048)
    for (const h of colliding) filter[(h >>> 5) & 2047]! |= 1 << (h & 31)
    const seen = new Set<string>()
    for (let k = 0; k < hashes.length; k++) {
      const h = hashes[k]!
      if ((filter[(h >>> 5) & 2047]! & (1 << (h & 31))) === 0 || !colliding.has(h)) continue
      const key = uuidKey(uuidAt(k))
      if (seen.has(key)) return true
      seen.add(key)
    }
    return false
  }
}

// The hashes that occur more than once, or undefined. The hashes are first spread by their top bits into
// partitions of about PART each (a counting pass and a copy), then each partition goes through a small
// open-addressing table of positions; a hash met again is listed once.
function collidingHashes(hashes: Uint32Array): Set<number> | undefined {
  const n = hashes.length
  if (n < 2) return undefined
  let bits = 1
  while (bits < 16 && n >>> bits > PART) bits++
  const shift = 32 - bits
  const parts = 1 << bits
  // starts[p] is where partition p begins in `spread`; ends[p] where the next copy into it goes.
  const starts = new Int32Array(parts + 1)
  for (let k = 0; k < n; k++) starts[hashes[k]! >>> shift]!++
  let largest = 0
  let sum = 0
  for (let p = 0; p < parts; p++) {
    const c = starts[p]!
    starts[p] = sum
    sum += c
    if (c > largest) largest = c
  }
  starts[parts] = n
  const ends = starts.slice()
  const spread = (keptSpread?.length ?? 0) >= n ? keptSpread! : new Uint32Array(n)
  if (n <= KEEP) keptSpread = spread
  for (let k = 0; k < n; k++) {
    const h = hashes[k]!
    spread[ends[h >>> shift]!++] = h
  }
  let size = 4
  while (size < largest * 2) size *= 2
  // Position + 1 in the partition of the first entry with each hash; negated once the hash is listed. 0 = empty.
  const table = new Int32Array(size)
  let colliding: Set<number> | undefined
  for (let p = 0; p < parts; p++) {
    const start = starts[p]!
    const end = starts[p + 1]!
    let used = 4
    while (used < (end - start) * 2) used *= 2
    const mask = used - 1
    table.fill(0, 0, used)
    for (let i = start; i < end; i++) {
      const h = spread[i]!
      let j = (h ^ (h >>> 15)) & mask
      for (;;) {
        const slot = table[j]!
        if (slot === 0) {
          table[j] = i - start + 1
          break
        }
        if (spread[start + (slot < 0 ? -slot : slot) - 1] === h) {
          if (slot > 0) {
            colliding ??= new Set()
            colliding.add(h)
            table[j] = -slot
          }
          break
        }
        j = (j + 1) & mask
      }
    }
  }
  return colliding
}

// A hash of the last TAIL code units of the lower-cased uuid (uuidKey). Equal uuids (case aside, §4.7) must hash
// alike, which any function of that tail guarantees, and the end is the random part of a UUID (8 hex digits: 32
// bits). When the tail is ASCII (the common case) it is hashed as it stands, each unit with bit 5 set: that maps
// each capital to its small letter (and a few signs onto others, which only adds chance collisions), and it is the
// tail of the lower-cased text, as lower-casing ASCII keeps lengths. The eight units are packed into two words and
// mixed by two multiplications, rather than one multiplication per unit. Any other tail goes through toLowerCase.
function tailHash(uuid: string): number {
  const n = uuid.length
  if (n < TAIL) return lowerTailHash(uuidKey(uuid))
  const c0 = uuid.charCodeAt(n - 8)
  const c1 = uuid.charCodeAt(n - 7)
  const c2 = uuid.charCodeAt(n - 6)
  const c3 = uuid.charCodeAt(n - 5)
  const c4 = uuid.charCodeAt(n - 4)
  const c5 = uuid.charCodeAt(n - 3)
  const c6 = uuid.charCodeAt(n - 2)
  const c7 = uuid.charCodeAt(n - 1)
  if ((c0 | c1 | c2 | c3 | c4 | c5 | c6 | c7) > 127) return lowerTailHash(uuidKey(uuid))
  return mix(c0 | (c1 << 8) | (c2 << 16) | (c3 << 24), c4 | (c5 << 8) | (c6 << 16) | (c7 << 24))
}

// The hash of a lower-cased uuid's tail: `mix` of the packed units when the tail is ASCII (as tailHash computes
// it), else FNV-1a of the units (ASCII ones with bit 5 set). Either way a function of the tail alone.
function lowerTailHash(lower: string): number {
  const n = lower.length
  let ascii = n >= TAIL
  for (let i = Math.max(0, n - TAIL); i < n && ascii; i++) ascii = lower.charCodeAt(i) < 128
  if (ascii) {
    let a = 0
    let b = 0
    for (let i = 0; i < 4; i++) {
      a |= lower.charCodeAt(n - 8 + i) << (8 * i)
      b |= lower.charCodeAt(n - 4 + i) << (8 * i)
    }
    return mix(a, b)
  }
  let h = 0x811c9dc5
  for (let i = Math.max(0, n - TAIL); i < n; i++) {
    const c = lower.charCodeAt(i)
    h = Math.imul(h ^ (c < 128 ? c | 32 : c), 0x01000193)
  }
  return h
}

// Two words of four ASCII units each (bit 5 set on every unit here) mixed into 32 bits, top and low bits alike
// (the partitions take the top bits, the tables the low ones).
function mix(a: number, b: number): number {
  let h = Math.imul(a | 0x20202020, 0x9e3779b1)
  h = Math.imul(h ^ (h >>> 15) ^ (b | 0x20202020), 0x85ebca6b)
  return (h ^ (h >>> 13)) >>> 0
}
