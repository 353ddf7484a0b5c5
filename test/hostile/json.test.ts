import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  DiagnosesJson,
  DigestJson,
  reportJsonErrors,
  SyncEntryJson,
  SyncFeedJson,
  SyncStateJson,
  XmlElementJson,
} from '../../src/sdata/index'
import { isPlainData, prototypeChanges, prototypeSnapshot } from '../totality/kinds'

// JSON.parse makes "__proto__" an own key; a decoder that copied such objects with spread or Object.assign would
// change a prototype. The SData JSON codecs must read them as data or ignore them, never follow them.
const HOSTILE = JSON.parse(
  '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "$digest": {"__proto__": {"polluted": 3},' +
    ' "origin": "http://o/", "digestEntry": [{"__proto__": {"polluted": 4}, "endpoint": "http://e/", "tick": 1,' +
    ' "stamp": "2008-10-30T14:55:43Z", "conflictPriority": 1}]}, "$resources": [{"__proto__": {"polluted": 5},' +
    ' "$syncState": {"__proto__": {"polluted": 6}, "endpoint": "http://e/", "tick": 1, "stamp": "2008-10-30T14:55:43Z"}}]}',
)

describe('hostile JSON: __proto__ and constructor keys', () => {
  const codecs = { SyncFeedJson, SyncEntryJson, DigestJson, SyncStateJson, DiagnosesJson, XmlElementJson }
  for (const [name, codec] of Object.entries(codecs)) {
    it(`${name} decodes or rejects them without touching a prototype`, () => {
      const before = prototypeSnapshot()
      for (const input of [HOSTILE, HOSTILE.$digest, HOSTILE.$resources[0], HOSTILE.$resources[0].$syncState]) {
        const result = (codec as { decode: (u: unknown) => E.Either<unknown, unknown> }).decode(input)
        if (E.isRight(result)) expect(isPlainData(result.right)).toBe(true)
      }
      expect(prototypeChanges(before)).toEqual([])
      expect(({} as Record<string, unknown>).polluted).toBeUndefined()
    })
  }

  it('SyncFeedJson reads the modelled members and keeps the hostile ones as plain data members', () => {
    const result = SyncFeedJson.decode(HOSTILE)
    if (E.isLeft(result)) throw new Error(JSON.stringify(reportJsonErrors(result.left)))
    const { jsonMembers: digestKept, entries: digestEntries, ...digest } = result.right.digest!
    expect(digest).toEqual({ origin: 'http://o/' })
    expect(digestEntries.map(({ jsonMembers: _, ...e }) => e)).toEqual([
      { endpoint: 'http://e/', tick: 1, stamp: '2008-10-30T14:55:43Z', conflictPriority: 1 },
    ])
    expect(result.right.entries.map((e) => ({ ...e.syncState, jsonMembers: undefined }))).toEqual([
      { endpoint: 'http://e/', tick: 1, stamp: '2008-10-30T14:55:43Z', jsonMembers: undefined },
    ])
    // Kept as an own data member, never as a prototype.
    expect(Object.getOwnPropertyDescriptor(digestKept, '__proto__')?.value).toEqual({ polluted: 3 })
    expect(Object.getPrototypeOf(digestKept)).toBe(Object.prototype)
    expect(Object.getPrototypeOf(result.right.digest)).toBe(Object.prototype)
    expect(SyncFeedJson.decode(JSON.parse(JSON.stringify(SyncFeedJson.encode(result.right))))).toEqual(result)
  })

  it('XmlElementJson reads "__proto__" as an element and attribute name', () => {
    const input = JSON.parse(
      '{"name": "__proto__", "attributes": [{"name": "constructor", "value": "x"}], "children": [{"name": "prototype"}]}',
    )
    expect(XmlElementJson.decode(input)).toEqual(
      E.right({
        type: 'element',
        namespace: null,
        localName: '__proto__',
        prefix: null,
        attributes: [{ namespace: null, localName: 'constructor', prefix: null, value: 'x' }],
        children: [
          { type: 'element', namespace: null, localName: 'prototype', prefix: null, attributes: [], children: [] },
        ],
      }),
    )
  })
})

/** The nesting limit of the JSON element tree, as its error message states it. */
const MAX_ELEMENT_DEPTH = 1000

describe('hostile JSON: nesting', () => {
  it(`XmlElementJson refuses a tree nested 10^5 deep at depth ${MAX_ELEMENT_DEPTH}, without a stack overflow`, () => {
    let tree: Record<string, unknown> = { name: 'leaf' }
    for (let i = 0; i < 100_000; i++) tree = { name: 'a', children: [tree] }
    const result = XmlElementJson.decode(tree)
    if (E.isRight(result)) throw new Error('accepted')
    const issues = reportJsonErrors(result.left)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.message).toBe(`element tree deeper than ${MAX_ELEMENT_DEPTH}`)
    expect(issues[0]!.path).toBe('/children/0'.repeat(MAX_ELEMENT_DEPTH + 1))
  })
})
