// streamSyncFeedJson's own decisions, beyond what the in-memory codec decides (mutation seed 203007): where `at`
// leads through something that is not an object, and which issue steps name the feed's own `$resources` (re-indexed to
// the streamed element's place) rather than a payload codec's own report that happens to start elsewhere.
import { either as E } from 'fp-ts'
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { reportJsonErrors, type SyncFeedEvent, streamSyncFeedJson, syncFeedJson } from '../../src/sdata/index'
import { elementText, type XmlElement } from '../../src/xml/index'
import { jsonIssue } from '../support/issues'
import { collect } from '../support/stream'

const E_URL = 'http://example.com/sdata/app/-/accounts'
const FEED = { $url: E_URL, $resources: [{ $url: `${E_URL}('1')` }] }

describe('streamSyncFeedJson with `at` through values that are not objects', () => {
  it('finds the feed at `at` in an object (the valid neighbour)', async () => {
    const events = await collect(streamSyncFeedJson([JSON.stringify({ value: FEED })], { at: ['value'] }))
    expect(events.map((e) => e.type)).toStrictEqual(['head', 'entry', 'end'])
  })

  it.each([
    ['null', ['value'], '/value'],
    ['a number', ['value'], '/value'],
    ['a string, indexed', ['value', '0'], '/value/0'],
    ['an array, asked for its length', ['value', 'length'], '/value/length'],
    ['an array holding the feed, indexed', ['0'], '/0'],
  ])('finds no feed through %s: the feed is missing at `at`', async (what, at, pointer) => {
    const documents: Record<string, unknown> = {
      null: null,
      'a number': 3,
      'a string, indexed': { value: 'abc' },
      'an array, asked for its length': { value: [] },
      'an array holding the feed, indexed': [FEED],
    }
    const events = await collect(streamSyncFeedJson([JSON.stringify(documents[what])], { at }))
    expect(events).toStrictEqual([
      {
        type: 'error',
        issues: [
          {
            severity: 'error',
            code: 'missing',
            path: pointer,
            steps: at.map((name) => ({ kind: 'member', name })),
            message: 'a feed must be a JSON object',
          },
        ],
      },
    ])
  })
})

// A payload codec that reads its element's text as JSON and checks it with another io-ts codec's own `decode`: the
// errors it hands on carry that codec's context, rooted at the JSON it read, not at the feed.
const Data = t.type({ $resources: t.array(t.string), items: t.array(t.string) })
type DataValue = t.TypeOf<typeof Data>
const DataElement = new t.Type<DataValue, XmlElement, XmlElement>(
  'DataElement',
  (u): u is DataValue => Data.is(u),
  (u, c) => {
    const text = elementText(u)
    let json: unknown
    try {
      json = JSON.parse(text)
    } catch {
      return t.failure(u, c, 'the data is not JSON')
    }
    const r = Data.decode(json)
    return E.isLeft(r) ? t.failures(r.left) : t.success(r.right)
  },
  (a) => ({
    type: 'element',
    namespace: null,
    localName: 'data',
    prefix: null,
    attributes: [],
    children: [{ type: 'text', value: JSON.stringify(a) }],
  }),
)

const resource = (data: string) => ({ $url: `${E_URL}('x')`, $resource: { name: 'data', children: [data] } })
const GOOD = '{"$resources":[],"items":["a"]}'

describe("streamSyncFeedJson: a payload codec's issues keep the steps its codec gave them", () => {
  const cases: Array<[string, string, string]> = [
    // At the root of the codec's own JSON: no steps at all.
    ['at its root', '3', ''],
    // A member named `$resources` of its own, holding no array: one step, not re-indexed.
    ['at its own $resources', '{"$resources":"x","items":[]}', '/$resources'],
    // An item of its own array at index 0, while the entry is the feed's second: the index stays 0.
    ['at an item of its own array', '{"$resources":[],"items":[1]}', '/items/0'],
  ]

  it.each(cases)('%s', async (_, data, pointer) => {
    const feed = { $resources: [resource(GOOD), resource(data)] }
    // The codec's values are all strings, numbers or booleans where it wants something else: `bad-value`.
    const issue = jsonIssue('bad-value', pointer, 'invalid value')
    // In memory, the feed's codec reports them so.
    const inMemory = syncFeedJson(DataElement).decode(feed)
    expect(E.isLeft(inMemory) && reportJsonErrors(inMemory.left)).toStrictEqual([issue])
    // Streamed, the first entry (the valid neighbour) comes through, then the same issue ends the stream.
    const events: SyncFeedEvent<DataValue>[] = await collect(
      streamSyncFeedJson([JSON.stringify(feed)], { payload: DataElement }),
    )
    expect(events.map((e) => e.type)).toStrictEqual(['head', 'entry', 'error'])
    expect(events[1]?.type === 'entry' && events[1].entry.payload?.value).toStrictEqual({
      $resources: [],
      items: ['a'],
    })
    expect(events[2]).toStrictEqual({ type: 'error', issues: [issue] })
  })

  it("re-indexes the feed's own steps to the streamed element's place", async () => {
    const feed = { $resources: [resource(GOOD), resource('not json')] }
    const events = await collect(streamSyncFeedJson([JSON.stringify(feed)], { payload: DataElement }))
    expect(events[2]).toStrictEqual({
      type: 'error',
      issues: [
        {
          severity: 'error',
          code: 'unexpected',
          path: '/$resources/1/$resource',
          steps: [
            { kind: 'member', name: '$resources' },
            { kind: 'index', index: 1 },
            { kind: 'member', name: '$resource' },
          ],
          message: 'the data is not JSON',
        },
      ],
    })
  })
})
