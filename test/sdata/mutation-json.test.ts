// The SData JSON codecs' edge cases: non-object input, -0, missing digestEntry, $progress forms, bad $isDeleted,
// kept io-ts contexts, and the lossless element form's handling of absent namespace/prefix and non-array members.
// Raised from mutation testing (issue 7): each test pins a branch or message that no test asserted before.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import {
  DigestJson,
  reportJsonErrors,
  SyncEntryJson,
  SyncFeedJson,
  TrackingJson,
  XmlElementJson,
} from '../../src/sdata/index'
import type { XmlElement } from '../../src/xml/index'
import { decoded } from '../support/decode'
import { jsonIssue } from '../support/issues'

const STAMP = '2008-10-30T14:55:43Z'
const SDATA = 'http://schemas.sage.com/sdata/2008/1'

function errorsOf<A>(codec: t.Decoder<unknown, A>, u: unknown) {
  const r = codec.decode(u)
  if (E.isRight(r)) throw new Error(`decoded: ${JSON.stringify(r.right)}`)
  return reportJsonErrors(r.left)
}

describe('root values that are not objects', () => {
  it('feed and entry', () => {
    for (const u of [null, [], 'x']) {
      expect(errorsOf(SyncFeedJson, u)).toEqual([jsonIssue('unexpected', '', 'a feed must be a JSON object')])
      expect(errorsOf(SyncEntryJson, u)).toEqual([jsonIssue('unexpected', '', 'an entry must be a JSON object')])
    }
  })
})

describe('digests', () => {
  it('a digest without digestEntry has no entries', () => {
    expect(decoded(DigestJson, {})).toEqual({ entries: [] })
    expect(decoded(DigestJson, { origin: 'http://e/a' })).toEqual({ origin: 'http://e/a', entries: [] })
  })
  it('-0 reads as 0 (JSON has no -0)', () => {
    const d = decoded(DigestJson, {
      digestEntry: [{ endpoint: 'e', tick: -0, stamp: STAMP, conflictPriority: -0 }],
    })
    expect(Object.is(d.entries[0]!.tick, 0)).toBe(true)
    expect(Object.is(d.entries[0]!.conflictPriority, 0)).toBe(true)
  })
  it('errors inside an enclosing io-ts codec keep its path', () => {
    const r = t.type({ d: DigestJson }).decode({ d: { digestEntry: [{ stamp: STAMP }] } })
    expect(E.isLeft(r) && reportJsonErrors(r.left)).toEqual([
      jsonIssue('missing', '/d/digestEntry/0/endpoint', 'endpoint is missing'),
    ])
  })
})

describe('entries', () => {
  it('$isDeleted must be a boolean', () => {
    expect(errorsOf(SyncEntryJson, { $resource: { name: 'account' }, $isDeleted: 'yes' })).toEqual([
      jsonIssue('bad-value', '/$isDeleted', '$isDeleted must be a boolean'),
    ])
    expect(decoded(SyncEntryJson, { $resource: { name: 'account' }, $isDeleted: true }).payload?.isDeleted).toBe(true)
  })
})

describe('tracking $progress', () => {
  const progress = (p: unknown) => decoded(TrackingJson, { $tracking: { $progress: p } }).progress
  it('a finite number or a decimal string is kept as a decimal', () => {
    expect(progress(12.5)).toBe('12.5')
    expect(progress('12.0')).toBe('12.0')
    expect(progress('-.5')).toBe('-.5')
  })
  it('anything else is an error', () => {
    for (const [p, code] of [
      ['abc', 'bad-value'],
      ['1e3', 'bad-value'],
      [true, 'bad-value'],
      [null, 'unexpected'],
      [Number.POSITIVE_INFINITY, 'bad-value'],
      [{}, 'unexpected'],
    ] as const) {
      expect(errorsOf(TrackingJson, { $tracking: { $progress: p } })).toEqual([
        jsonIssue(code, '/$tracking/$progress', '$progress must be a decimal number'),
      ])
    }
  })
})

describe('the lossless element form', () => {
  it('leaves out namespace and prefix when they are null or undefined', () => {
    const element = {
      type: 'element',
      namespace: undefined,
      localName: 'a',
      prefix: undefined,
      attributes: [
        { namespace: undefined, localName: 'x', prefix: undefined, value: '1' },
        { namespace: null, localName: 'y', prefix: null, value: '2' },
        { namespace: SDATA, localName: 'uuid', prefix: 'sdata', value: '3' },
      ],
      children: [],
    } as unknown as XmlElement
    const json = XmlElementJson.encode(element)
    expect(Object.keys(json)).toEqual(['name', 'attributes'])
    expect(json.attributes!.map((a) => Object.keys(a))).toEqual([
      ['name', 'value'],
      ['name', 'value'],
      ['name', 'namespace', 'prefix', 'value'],
    ])
    expect(Object.keys(XmlElementJson.encode({ ...element, namespace: null, prefix: null, attributes: [] }))).toEqual([
      'name',
    ])
  })
  it('attributes and children must be JSON arrays', () => {
    expect(errorsOf(XmlElementJson, { name: 'a', children: 'x' })).toEqual([
      jsonIssue('unexpected', '/children', 'children must be a JSON array'),
    ])
    expect(errorsOf(XmlElementJson, { name: 'a', attributes: 'x' })).toEqual([
      jsonIssue('unexpected', '/attributes', 'attributes must be a JSON array'),
    ])
  })
})

describe('diagnoses wrappers', () => {
  const withWrapper = (wrapper: unknown) => ({ $diagnoses: [{ $message: 'one' }], $diagnosesWrappers: [wrapper] })
  const feedWith = (wrapper: unknown) => ({ ...withWrapper(wrapper), $resources: [] })

  it('read start and count as non-negative safe integers', () => {
    expect(decoded(SyncFeedJson, feedWith({ start: 0, count: 1 })).diagnosesWrappers).toEqual([{ start: 0, count: 1 }])
    for (const bad of [-1, 1.5, '1', 2 ** 53]) {
      expect(errorsOf(SyncFeedJson, feedWith({ start: bad, count: 1 }))).toEqual([
        jsonIssue('bad-value', '/$diagnosesWrappers/0/start', 'start must be a non-negative safe integer'),
      ])
      expect(errorsOf(SyncEntryJson, withWrapper({ start: 0, count: bad }))).toEqual([
        jsonIssue('bad-value', '/$diagnosesWrappers/0/count', 'count must be a non-negative safe integer'),
      ])
    }
  })
})
