// The incremental JSON reader's grammar through streamSyncFeedJson, value by value: numbers with fractions and
// exponents, \u escapes (every hex digit range and its neighbours), empty objects and arrays, literals, a BOM and
// every kind of white space; the same events however the text is cut (at every position, and character by
// character), the values JSON.parse gives, and each fault's JSON Pointer and line:column.
import { describe, expect, it } from 'vitest'
import { type SyncFeedEvent, streamSyncFeedJson } from '../../src/sdata/index'
import { jsonFault } from '../support/issues'
import { collect } from '../support/stream'

/** The events of `text`, after checking that every cut into two chunks, and one chunk per character, give them too. */
async function read(text: string): Promise<SyncFeedEvent[]> {
  const whole = await collect(streamSyncFeedJson([text]))
  for (let i = 1; i < text.length; i++) {
    expect(await collect(streamSyncFeedJson([text.slice(0, i), text.slice(i)])), `cut at ${i}`).toEqual(whole)
  }
  expect(await collect(streamSyncFeedJson([...text])), 'one character a chunk').toEqual(whole)
  return whole
}

/** A feed with `v` as a member of its one entry (read as an element) and of the feed itself (read as the rest). */
const feedWith = (v: string) => `{"$resources": [{"$uuid": "u", "v": ${v}}], "v": ${v}}`

/** The value of `v` in the entry and in the feed's kept members. */
function values(events: SyncFeedEvent[]): [unknown, unknown] {
  expect(events.map((e) => e.type)).toEqual(['head', 'entry', 'end'])
  const entry = events[1] as { entry: { payload: { properties: Record<string, unknown> } } }
  const end = events[2] as { feed: { jsonMembers: Record<string, unknown> } }
  return [entry.entry.payload.properties.v, end.feed.jsonMembers.v]
}

const error = (events: SyncFeedEvent[]) => events[events.length - 1]

describe('the incremental JSON reader, value by value', () => {
  it('reads numbers, escapes, literals and empty containers as JSON.parse does, cut anywhere', async () => {
    const texts = [
      '0',
      '5',
      '-7',
      '-0',
      '0.5',
      '-12.25',
      '1e5',
      '1E5',
      '1e+5',
      '1E+5',
      '1e-5',
      '-1.5e-3',
      '1.5E3',
      '0e0',
      '-0E-0',
      '"\\u00e9"',
      '"\\u00E9"',
      '"\\u0030\\u0039\\u0041\\u0046\\u0061\\u0066"',
      '"\\u0AF0\\u0af0\\uFAFA\\ufafa"',
      '"\\u00e9G"',
      '"a\\"b\\\\c\\/d\\b\\f\\n\\r\\t"',
      'true',
      'false',
      'null',
      '{}',
      '[]',
      '{"a": {}, "b": [[]], "c": [{}], "d": [1e2, {"e": []}]}',
    ]
    for (const v of texts) {
      const expected = JSON.parse(v)
      expect(values(await read(feedWith(v))), v).toEqual([expected, expected])
    }
  })

  it('takes a byte-order mark and every kind of white space', async () => {
    const text = '\ufeff{\t"$resources"\r\n:\r[ {"$uuid":\n"u"} \t]\n}'
    const events = await read(text)
    expect(events.map((e) => e.type)).toEqual(['head', 'entry', 'end'])
  })

  it('gives whole documents that are a number or a string to the codec, which refuses them', async () => {
    for (const text of ['5', '-0.5e3', '1E+2', '"x"', '"\\u0041"', 'null', '[]', '[{}]']) {
      const events = await read(text)
      expect(events, text).toEqual([
        {
          type: 'error',
          issues: [
            { severity: 'error', code: 'unexpected', path: '', steps: [], message: 'a feed must be a JSON object' },
          ],
        },
      ])
    }
    // An empty object is JSON; the codec names what it lacks.
    expect(error(await read('{}'))).toMatchObject({ type: 'error', issues: [{ code: 'missing', path: '/$resources' }] })
  })

  it('names where a number or a \\u escape goes wrong: JSON Pointer and line:column', async () => {
    // [value, offset of the fault from the value's start, message]
    const cases: Array<[string, number, string]> = [
      ['1e}', 2, 'a number needs a digit here, found "}"'],
      ['1E}', 2, 'a number needs a digit here, found "}"'],
      ['1e+}', 3, 'a number needs a digit here, found "}"'],
      ['1E-x}', 3, 'a number needs a digit here, found "x"'],
      ['1e+-5}', 3, 'a number needs a digit here, found "-"'],
      ['1.e5}', 2, 'a number needs a digit here, found "e"'],
      ['1.}', 2, 'a number needs a digit here, found "}"'],
      ['-}', 1, 'a number needs a digit here, found "}"'],
      ['-a}', 1, 'a number needs a digit here, found "a"'],
      ['-01}', 2, `expected ',' or '}', found "1"`],
      ['01}', 1, `expected ',' or '}', found "1"`],
      ['0e5e}', 3, `expected ',' or '}', found "e"`],
      ['1.5e3.}', 5, `expected ',' or '}', found "."`],
      ['"\\u12G4"}', 5, 'expected four hex digits after \\u'],
      ['"\\u/000"}', 3, 'expected four hex digits after \\u'],
      ['"\\u:000"}', 3, 'expected four hex digits after \\u'],
      ['"\\u@000"}', 3, 'expected four hex digits after \\u'],
      ['"\\uG000"}', 3, 'expected four hex digits after \\u'],
      ['"\\u`000"}', 3, 'expected four hex digits after \\u'],
      ['"\\ug000"}', 3, 'expected four hex digits after \\u'],
      ['"\\u0"}', 4, 'expected four hex digits after \\u'],
      ['"\\u123"}', 6, 'expected four hex digits after \\u'],
    ]
    for (const [v, at, message] of cases) {
      // In an element of $resources (re-read for its path), and in the rest of the feed.
      const inElement = `{"$resources": [{"v": ${v}]}`
      const start = inElement.indexOf('"v": ') + 6
      expect(error(await read(inElement)), inElement).toStrictEqual({
        type: 'error',
        issues: [
          jsonFault('not-well-formed', '/$resources/0/v', `not JSON at 1:${start + at}: ${message}`, 1, start + at),
        ],
      })
      const inRest = `{"$resources": [],\r\n\t"v":\r\n ${v}`
      expect(error(await read(inRest)), inRest).toStrictEqual({
        type: 'error',
        issues: [jsonFault('not-well-formed', '/v', `not JSON at 3:${2 + at}: ${message}`, 3, 2 + at)],
      })
    }
  })

  it('says a text that ends inside a number or an escape ends too early', async () => {
    const cases: Array<[string, number]> = [
      ['-', 2],
      ['1e', 3],
      ['1E+', 4],
      ['1.', 3],
      ['"\\u00', 6],
    ]
    for (const [text, column] of cases) {
      expect(error(await read(text)), text).toStrictEqual({
        type: 'error',
        issues: [jsonFault('incomplete', '', `not JSON at 1:${column}: the text ends too early`, 1, column)],
      })
    }
    // Ending inside a string element after a number element: the reader must not take the number as still open.
    const text = '{"$resources": [{"$uuid": "u", "n": 1}, "ab'
    const column = text.length + 1
    expect(error(await read(text))).toStrictEqual({
      type: 'error',
      issues: [jsonFault('incomplete', '/$resources/1', `not JSON at 1:${column}: the text ends too early`, 1, column)],
    })
  })
})
