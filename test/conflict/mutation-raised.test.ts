import { describe, expect, it } from 'vitest'
import type { Digest, DigestEntry, TargetState } from '../../src/conflict/index'
import { advanceDigest, compareDigests, findDivergence, mergeDigests, processFeed } from '../../src/conflict/index'
import { stamp } from './helpers'

// Raised from mutation testing (issue 7): the digest tie-breaks (§2.3 "most recent"), the §5.5 advance of a stamp, the
// `assumeOffsetMinutes` option and decision 13's sameVersion rule were reached by no test, so mutants there survived.

const entry = (endpoint: string, tick: number, at: string, conflictPriority = 1): DigestEntry => ({
  endpoint,
  tick,
  stamp: stamp(at),
  conflictPriority,
})
const digest = (...entries: DigestEntry[]): Digest => ({ entries })
const lower = { endpointKey: (e: string) => e.toLowerCase() }
const only = (d: Digest): DigestEntry => {
  expect(d.entries).toHaveLength(1)
  return d.entries[0]!
}

describe('mergeDigests: the total order on records of one endpoint (§2.3, decision 9)', () => {
  it('at equal ticks the later stamp wins, whichever argument carries it', () => {
    const early = digest(entry('N1', 5, '2025-01-01T00:00:00Z', 3))
    const late = digest(entry('N1', 5, '2025-01-01T00:00:01Z', 7))
    expect(only(mergeDigests(early, late))).toEqual(entry('N1', 5, '2025-01-01T00:00:01Z', 7))
    expect(only(mergeDigests(late, early))).toEqual(entry('N1', 5, '2025-01-01T00:00:01Z', 7))
  })

  it('the same instant spelled twice: the lexically greater spelling wins in both orders (commutative)', () => {
    const a = digest(entry('N1', 5, '2025-01-01T00:00:00Z'))
    const b = digest(entry('N1', 5, '2025-01-01T00:00:00.000Z'))
    // 'Z' sorts after '.', so the short spelling is the greater one.
    expect(only(mergeDigests(a, b))).toEqual(a.entries[0])
    expect(only(mergeDigests(b, a))).toEqual(a.entries[0])
  })

  it('same tick and stamp: the lower conflictPriority (the stronger) wins in both orders', () => {
    const weak = digest(entry('N1', 5, '2025-01-01T00:00:00Z', 8))
    const strong = digest(entry('N1', 5, '2025-01-01T00:00:00Z', 2))
    expect(only(mergeDigests(weak, strong)).conflictPriority).toBe(2)
    expect(only(mergeDigests(strong, weak)).conflictPriority).toBe(2)
  })

  it('endpoints equal only under endpointKey: the lexically smaller spelling wins in both orders', () => {
    const upper = digest(entry('HTTP://A/x', 5, '2025-01-01T00:00:00Z'))
    const low = digest(entry('http://a/x', 5, '2025-01-01T00:00:00Z'))
    expect(only(mergeDigests(upper, low, lower)).endpoint).toBe('HTTP://A/x')
    expect(only(mergeDigests(low, upper, lower)).endpoint).toBe('HTTP://A/x')
  })

  it('an exact tie keeps the first record seen, with its foreign children', () => {
    const ext = [
      { kind: 'element', name: 'x:note', attributes: [], children: [] },
    ] as unknown as DigestEntry['extensions']
    const a = digest({ ...entry('N1', 5, '2025-01-01T00:00:00Z'), extensions: ext })
    const b = digest(entry('N1', 5, '2025-01-01T00:00:00Z'))
    expect(only(mergeDigests(a, b)).extensions).toBe(ext)
    expect('extensions' in only(mergeDigests(b, a))).toBe(false)
  })

  it('a record without foreign children or origin gets no such keys (plain values round-trip unchanged)', () => {
    const merged = mergeDigests(
      digest(entry('N1', 5, '2025-01-01T00:00:00Z')),
      digest(entry('N2', 1, '2025-01-01T00:00:00Z')),
    )
    expect(merged).toStrictEqual({
      entries: [entry('N1', 5, '2025-01-01T00:00:00Z'), entry('N2', 1, '2025-01-01T00:00:00Z')],
    })
  })

  it('assumeOffsetMinutes places unzoned stamps: at offset +60 00:30 local is 23:30Z, before 00:00Z', () => {
    const unzoned = digest(entry('N1', 5, '2025-01-01T00:30:00'))
    const utc = digest(entry('N1', 5, '2025-01-01T00:00:00Z'))
    expect(only(mergeDigests(unzoned, utc, { assumeOffsetMinutes: 60 })).stamp).toBe('2025-01-01T00:00:00Z')
    expect(only(mergeDigests(unzoned, utc, { assumeOffsetMinutes: 0 })).stamp).toBe('2025-01-01T00:30:00')
  })
})

describe('compareDigests: relation by tick per endpoint', () => {
  it('equal ticks are equal, an endpoint only a knows is only-a', () => {
    const a = digest(entry('N1', 5, '2025-01-01T00:00:00Z'), entry('N2', 3, '2025-01-01T00:00:00Z'))
    const b = digest(entry('N1', 5, '2025-01-02T00:00:00Z'), entry('N3', 1, '2025-01-01T00:00:00Z'))
    expect(compareDigests(a, b)).toEqual([
      { endpoint: 'N1', relation: 'equal' },
      { endpoint: 'N2', relation: 'only-a' },
      { endpoint: 'N3', relation: 'only-b' },
    ])
  })

  it('duplicate endpoints within a digest collapse to their max, placed with assumeOffsetMinutes', () => {
    const a = digest(entry('N1', 5, '2025-01-01T00:30:00'), entry('n1', 5, '2025-01-01T00:00:00Z'))
    const b = digest(entry('n1', 4, '2025-01-01T00:00:00Z'))
    expect(compareDigests(a, b, { ...lower, assumeOffsetMinutes: 60 })).toEqual([
      { endpoint: 'n1', relation: 'a-ahead' },
    ])
    expect(compareDigests(a, b, { ...lower, assumeOffsetMinutes: 0 })).toEqual([
      { endpoint: 'N1', relation: 'a-ahead' },
    ])
  })
})

describe('advanceDigest: when the tick rises its stamp becomes the later of the two (§5.5)', () => {
  const at = (d: Digest) => only(d).stamp
  const advance = (curStamp: string, newStamp: string, options?: { assumeOffsetMinutes?: number }) =>
    at(
      advanceDigest(
        digest(entry('N1', 5, curStamp)),
        { endpoint: 'N1', tick: 5, stamp: stamp(newStamp) },
        undefined,
        options,
      ),
    )

  it('a later plain stamp of the same length replaces it, an earlier one does not', () => {
    expect(advance('2025-01-01T00:00:00Z', '2025-01-01T00:00:01Z')).toBe('2025-01-01T00:00:01Z')
    expect(advance('2025-01-01T00:00:01Z', '2025-01-01T00:00:00Z')).toBe('2025-01-01T00:00:01Z')
  })

  it('plain stamps of different lengths compare as instants, not as text', () => {
    expect(advance('2025-01-01T00:00:00Z', '2025-01-01T00:00:00.1Z')).toBe('2025-01-01T00:00:00.1Z')
  })

  it('zoned stamps of the same length as a plain one compare as instants, not as text', () => {
    // 01:00+01:00 is 00:00Z: text says later than 00:30:00.0000Z, the instant says earlier.
    expect(advance('2025-01-01T00:30:00.0000Z', '2025-01-01T01:00:00+01:00')).toBe('2025-01-01T00:30:00.0000Z')
    expect(advance('2025-01-01T01:00:00+01:00', '2025-01-01T00:30:00.0000Z')).toBe('2025-01-01T00:30:00.0000Z')
  })

  it('a later zoned stamp replaces it; the same instant keeps the recorded spelling', () => {
    expect(advance('2025-01-01T00:00:00Z', '2025-01-01T02:00:00+01:00')).toBe('2025-01-01T02:00:00+01:00')
    expect(advance('2025-01-01T00:00:00Z', '2025-01-01T01:00:00+01:00')).toBe('2025-01-01T00:00:00Z')
  })

  it('an earlier zoned stamp of another length is ignored', () => {
    expect(advance('2025-01-01T00:00:00Z', '2024-12-31T23:00:00-00:30')).toBe('2025-01-01T00:00:00Z')
  })

  it('assumeOffsetMinutes places an unzoned stamp', () => {
    expect(advance('2025-01-01T00:00:00.0Z', '2025-01-01T00:30:00', { assumeOffsetMinutes: 60 })).toBe(
      '2025-01-01T00:00:00.0Z',
    )
    expect(advance('2025-01-01T00:00:00.0Z', '2025-01-01T00:30:00', { assumeOffsetMinutes: 0 })).toBe(
      '2025-01-01T00:30:00',
    )
  })

  it('a tick that does not rise keeps its stamp, however late the incorporated one', () => {
    const d = digest(entry('N1', 6, '2025-01-01T00:00:00Z'))
    const after = advanceDigest(d, { endpoint: 'N1', tick: 5, stamp: stamp('2030-01-01T00:00:00Z') })
    expect(only(after)).toEqual(entry('N1', 6, '2025-01-01T00:00:00Z'))
  })

  it('a new endpoint takes the source digest priority and the later of its stamp and the entry stamp', () => {
    const source = digest(entry('N2', 9, '2025-06-01T00:00:00Z', 4))
    const later = advanceDigest(digest(), { endpoint: 'N2', tick: 2, stamp: stamp('2025-01-01T00:00:00Z') }, source)
    expect(only(later)).toEqual(entry('N2', 3, '2025-06-01T00:00:00Z', 4))
    const sameInstant = advanceDigest(
      digest(),
      { endpoint: 'N2', tick: 2, stamp: stamp('2025-06-01T01:00:00+01:00') },
      source,
    )
    expect(only(sameInstant).stamp).toBe('2025-06-01T00:00:00Z')
    const unknown = advanceDigest(digest(), { endpoint: 'N2', tick: 2, stamp: stamp('2025-01-01T00:00:00Z') })
    expect(only(unknown)).toEqual(entry('N2', 3, '2025-01-01T00:00:00Z', 9))
  })

  it('keeps the digest origin and adds no keys the input lacks', () => {
    const d: Digest = { origin: 'N1', entries: [entry('N1', 5, '2025-01-01T00:00:00Z')] }
    expect(advanceDigest(d, { endpoint: 'N1', tick: 5, stamp: stamp('2025-01-01T00:00:00Z') })).toStrictEqual({
      origin: 'N1',
      entries: [entry('N1', 6, '2025-01-01T00:00:00Z')],
    })
    expect(advanceDigest(digest(), { endpoint: 'N1', tick: 0, stamp: stamp('2025-01-01T00:00:00Z') })).toStrictEqual({
      entries: [entry('N1', 1, '2025-01-01T00:00:00Z', 9)],
    })
  })
})

describe('findDivergence: versions both digests cover but that differ (decision 13)', () => {
  const s = (endpoint: string, tick: number, extra: Partial<TargetState & { fingerprint: string }> = {}) => ({
    endpoint,
    tick,
    stamp: stamp('2025-01-01T00:00:00Z'),
    ...extra,
  })
  const covering = digest(entry('E', 5, '2025-01-01T00:00:00Z'), entry('G', 5, '2025-01-01T00:00:00Z'))
  const view = (states: Array<[string, ReturnType<typeof s>]>) => ({ digest: covering, states })

  it('different endpoints at one tick are different versions', () => {
    const out = findDivergence(view([['x', s('E', 1)]]), view([['x', s('G', 1)]]))
    expect(out).toEqual([{ uuid: 'x', a: s('E', 1), b: s('G', 1) }])
  })

  it('endpoints equal under endpointKey are one version', () => {
    expect(findDivergence(view([['x', s('E', 1)]]), view([['x', s('e', 1)]]), lower)).toEqual([])
    expect(findDivergence(view([['x', s('E', 1)]]), view([['x', s('E', 1)]]))).toEqual([])
  })

  it('a tombstone and a live copy of one version differ', () => {
    const out = findDivergence(view([['x', s('E', 1, { deleted: true })]]), view([['x', s('E', 1)]]))
    expect(out).toHaveLength(1)
  })

  it('different fingerprints differ; a fingerprint on one side only is not compared', () => {
    expect(
      findDivergence(view([['x', s('E', 1, { fingerprint: 'h1' })]]), view([['x', s('E', 1, { fingerprint: 'h2' })]])),
    ).toHaveLength(1)
    expect(findDivergence(view([['x', s('E', 1, { fingerprint: 'h1' })]]), view([['x', s('E', 1)]]))).toEqual([])
    expect(findDivergence(view([['x', s('E', 1)]]), view([['x', s('E', 1, { fingerprint: 'h2' })]]))).toEqual([])
  })

  it('a resource only b holds is reported under b’s uuid spelling when a’s digest covers it', () => {
    const out = findDivergence(
      view([['Y', s('E', 1)]]),
      view([
        ['y', s('E', 1)],
        ['Z', s('G', 2)],
      ]),
    )
    expect(out).toEqual([{ uuid: 'Z', b: s('G', 2) }])
  })

  it('a version from an endpoint the other digest does not know is not covered (a pass would still send it)', () => {
    const out = findDivergence(view([]), view([['z', s('H', 1)]]))
    expect(out).toEqual([])
  })
})

describe('processFeed: a page decides as its entries would one page at a time (§5.4, §5.5, decision 13)', () => {
  const at = '2025-01-01T00:00:00Z'
  const targetDigest = digest(entry('N0', 1, at, 1), entry('N1', 1, at, 2), entry('N3', 2, at, 3))
  const sourceDigest = digest(entry('N1', 5, at, 2), entry('N2', 5, at, 4))
  const versions = [
    { endpoint: 'N1', tick: 1, stamp: stamp(at) },
    { endpoint: 'N2', tick: 1, stamp: stamp('2025-01-02T00:00:00Z') },
    { endpoint: 'N1', tick: 2, stamp: stamp('2024-12-31T00:00:00Z') },
  ]
  const heldChoices: Array<TargetState | undefined> = [
    undefined,
    { endpoint: 'N3', tick: 1, stamp: stamp(at) },
    { endpoint: 'N3', tick: 1, stamp: stamp(at), deleted: true },
  ]
  // Case variants whose folding the page's repeat check must see through (§4.7), ASCII 'Z' and non-ASCII included.
  const spellings: Array<[string, string]> = [
    ['c4411795-9943-4cf4-8705-0000000aBzZ1', 'C4411795-9943-4CF4-8705-0000000AbZz1'],
    ['ÉTÉ-z', 'été-Z'],
  ]

  type Entry = { syncState: (typeof versions)[number]; payload: { uuid: string; isDeleted: boolean } }
  const oneByOne = (entries: Entry[], held: TargetState | undefined, restamp: boolean) => {
    const options = { restampConflicts: restamp, self: 'N0' }
    const mine = new Map<string, TargetState>()
    if (held !== undefined) mine.set(entries[0]!.payload.uuid.toLowerCase(), held)
    let d = targetDigest
    const decisions = []
    for (const e of entries) {
      const r = processFeed(
        {
          targetDigest: d,
          feed: { digest: sourceDigest, entries: [e] },
          lookup: (u) => mine.get(u.toLowerCase()),
          lastPage: false,
        },
        options,
      )
      if (r._tag === 'Left') throw new Error('catch-up pages are never refused')
      const decision = r.right.decisions[0]!.decision
      decisions.push(decision)
      const k = e.payload.uuid.toLowerCase()
      const before = mine.get(k)
      const deleted = decision.action === 'apply' ? e.payload.isDeleted : before?.deleted === true
      const version = decision.restamped ?? (decision.action === 'apply' ? e.syncState : undefined)
      if (version !== undefined) mine.set(k, deleted ? { ...version, deleted } : version)
      d = r.right.digest
    }
    return { decisions, digest: d }
  }

  it('a uuid repeated in another case (ASCII or not) sees the version its first entry left, tombstones included', () => {
    let cases = 0
    for (const [first, second] of spellings)
      for (const held of heldChoices)
        for (const restamp of [false, true])
          for (const [va, vb] of versions.flatMap((a) => versions.map((b) => [a, b] as const)))
            for (const [da, db] of [false, true].flatMap((a) => [false, true].map((b) => [a, b] as const))) {
              const entries: Entry[] = [
                { syncState: va, payload: { uuid: first, isDeleted: da } },
                { syncState: vb, payload: { uuid: second, isDeleted: db } },
              ]
              const mine = new Map<string, TargetState>()
              if (held !== undefined) mine.set(first.toLowerCase(), held)
              const whole = processFeed(
                {
                  targetDigest,
                  feed: { digest: sourceDigest, entries },
                  lookup: (u) => mine.get(u.toLowerCase()),
                  lastPage: false,
                },
                { restampConflicts: restamp, self: 'N0' },
              )
              if (whole._tag === 'Left') throw new Error('catch-up pages are never refused')
              const single = oneByOne(entries, held, restamp)
              expect(whole.right.decisions.map((x) => x.decision)).toEqual(single.decisions)
              expect(whole.right.digest).toEqual(single.digest)
              cases++
            }
    expect(cases).toBe(2 * 3 * 2 * 9 * 4)
  })

  it('an entry with an empty uuid is rejected as no-uuid', () => {
    const r = processFeed({
      targetDigest,
      feed: { digest: sourceDigest, entries: [{ syncState: versions[0]!, payload: { uuid: '' } }] },
      lookup: () => undefined,
      lastPage: false,
    })
    expect(r._tag === 'Right' && r.right.rejected).toEqual([{ index: 0, problem: 'no-uuid' }])
  })

  it('an immediate page skips entries without syncState in its gap check and rejects them', () => {
    const r = processFeed({
      targetDigest,
      feed: {
        syncMode: 'immediate',
        digest: sourceDigest,
        entries: [{ payload: { uuid: 'a' } }, { syncState: versions[0]!, payload: { uuid: 'b' } }],
      },
      lookup: () => undefined,
      lastPage: false,
    })
    expect(r._tag).toBe('Right')
    expect(r._tag === 'Right' && r.right.rejected).toEqual([{ index: 0, problem: 'no-sync-state' }])
  })

  it('restampConflicts without the own endpoint is a programming error that names what is missing', () => {
    expect(() =>
      processFeed(
        { targetDigest, feed: { digest: sourceDigest, entries: [] }, lookup: () => undefined, lastPage: false },
        { restampConflicts: true },
      ),
    ).toThrow('processFeed: restampConflicts needs the own endpoint (self)')
  })
})
