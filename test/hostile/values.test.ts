import { describe, expect, it } from 'vitest'
import { Guid, Uuid } from '../../src/codec/index'
import { decodeSiteId } from '../../src/filesync/index'
import { validateDigest, validateSyncEntry } from '../../src/sdata/index'
import { fixture } from '../support/fixtures'
import { decodeIssue, rule } from '../support/issues'
import { kind } from '../totality/kinds'
import { accepted, expectRoundTrip, rejection } from './support'

const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
const digestWith = (tick: string, priority = '2', stamp = '2008-10-30T14:52:03.281Z') =>
  `<digest xmlns="${SYNC}"><origin>http://a/b</origin><digestEntry><endpoint>http://a/b</endpoint><tick>${tick}</tick><stamp>${stamp}</stamp><conflictPriority>${priority}</conflictPriority></digestEntry></digest>`
const stream = (field: string, value: string) =>
  `<Items><Document><ResourceID>abc</ResourceID><DocumentStreams><DocumentStream><DocumentStreamName>Binary</DocumentStreamName><${field}>${value}</${field}></DocumentStream></DocumentStreams></Document></Items>`
const STREAM = '/Items/Document[1]/DocumentStreams/DocumentStream[1]'

describe('hostile values: SData ticks (xs:integer, whitespace collapsed, non-negative, safe)', () => {
  const TICK = '/sync:digest/digestEntry[1]/tick'
  it.each([
    ['9007199254740993', 'expected a non-negative safe integer (at most 2^53 - 1), found "9007199254740993"'],
    ['-1', 'expected a non-negative integer, found "-1"'],
    ['1e3', 'expected a non-negative integer, found "1e3"'],
    ['0x10', 'expected a non-negative integer, found "0x10"'],
    ['', 'expected a non-negative integer, found ""'],
  ])('DigestXml rejects the tick %j', (tick, message) => {
    expect(rejection(kind('DigestXml'), digestWith(tick))).toStrictEqual([decodeIssue('bad-value', TICK, message)])
  })

  it('DigestXml reads " 5 " as 5 (xs:integer collapses white space) and 2^53 - 1 exactly', () => {
    expect(accepted(kind('DigestXml'), digestWith(' 5 '))).toMatchObject({ entries: [{ tick: 5 }] })
    const max = accepted(kind('DigestXml'), digestWith('9007199254740991'))
    expect(max).toMatchObject({ entries: [{ tick: Number.MAX_SAFE_INTEGER }] })
    expectRoundTrip(kind('DigestXml'), max)
  })

  it('SyncStateXml and TrackingXml apply the same rules to their integers', () => {
    const state = (tick: string) =>
      `<syncState xmlns="${SYNC}"><endpoint>http://e/</endpoint><tick>${tick}</tick><stamp>2008-10-30T14:55:43Z</stamp></syncState>`
    expect(rejection(kind('SyncStateXml'), state('9007199254740993'))).toEqual([
      decodeIssue(
        'bad-value',
        '/sync:syncState/tick',
        'expected a non-negative safe integer (at most 2^53 - 1), found "9007199254740993"',
      ),
    ])
    expect(accepted(kind('SyncStateXml'), state(' 5 '))).toMatchObject({ tick: 5 })
    const tracking = (v: string) =>
      `<tracking xmlns="http://schemas.sage.com/sdata/2008/1"><pollingMillis>${v}</pollingMillis><progress>${v}</progress></tracking>`
    expect(rejection(kind('TrackingXml'), tracking('0x10'))).toEqual([
      decodeIssue('bad-value', '/sdata:tracking/pollingMillis', 'expected a non-negative integer, found "0x10"'),
      decodeIssue('bad-value', '/sdata:tracking/progress', 'expected a decimal number, found "0x10"'),
    ])
    expect(rejection(kind('TrackingXml'), tracking('-1'))).toEqual([
      decodeIssue('bad-value', '/sdata:tracking/pollingMillis', 'expected a non-negative integer, found "-1"'),
    ])
  })
})

describe('hostile values: MS-FILESYNC sizes (no white space, no leading zeros, empty is null)', () => {
  it.each([
    ['9007199254740993', 'expected a non-negative safe integer, found "9007199254740993" (past 2^53-1)'],
    ['-1', 'expected a non-negative safe integer, found "-1"'],
    ['1e3', 'expected a non-negative safe integer, found "1e3"'],
    ['0x10', 'expected a non-negative safe integer, found "0x10"'],
    [' 5 ', 'expected a non-negative safe integer, found " 5 "'],
    ['05', 'expected a non-negative safe integer, found "05" (leading zeros would not survive re-encoding)'],
  ])('FileSyncXml rejects the DataSize %j', (size, message) => {
    expect(rejection(kind('FileSyncXml'), stream('DataSize', size))).toStrictEqual([
      decodeIssue('bad-value', `${STREAM}/DataSize`, message),
    ])
  })

  it('FileSyncXml reads an empty DataSize as null and keeps it through a round trip', () => {
    const value = accepted(kind('FileSyncXml'), stream('DataSize', ''))
    expect(value).toMatchObject({ items: [{ documentStreams: [{ dataSize: null }] }] })
    expectRoundTrip(kind('FileSyncXml'), value)
  })
})

describe('hostile values: base64', () => {
  it.each([
    ['abc', 'length 3 is not a multiple of 4'],
    ['AQI==', 'length 5 is not a multiple of 4'],
    ['ab=c', 'character "=" at offset 2 is not in the base64 alphabet'],
    ['a$bc', 'character "$" at offset 1 is not in the base64 alphabet'],
    [' AQ== ', 'length 6 is not a multiple of 4'],
  ])('FileSyncXml rejects the XORHash %j', (value, why) => {
    expect(rejection(kind('FileSyncXml'), stream('XORHash', value))).toEqual([
      decodeIssue('bad-value', `${STREAM}/XORHash`, `expected base64 binary, found ${JSON.stringify(value)} (${why})`),
    ])
  })

  it('FileSyncXml reads AQ== as the byte 1', () => {
    const value = accepted(kind('FileSyncXml'), stream('XORHash', 'AQ=='))
    expect(value).toMatchObject({ items: [{ documentStreams: [{ xorHash: Uint8Array.of(1) }] }] })
    expectRoundTrip(kind('FileSyncXml'), value)
  })
})

describe('hostile values: dates', () => {
  it.each([
    ['2025-02-30T25:61:61Z', 'day 30 does not exist in 2025-02'],
    ['+275760-09-13', 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'],
    ['+275760-09-13T00:00:00Z', 'not of the form YYYY-MM-DDThh:mm:ss[.fraction][Z|±hh:mm]'],
  ])('DigestXml and FileSyncXml reject %j', (date, why) => {
    expect(rejection(kind('DigestXml'), digestWith('5', '2', date))).toEqual([
      decodeIssue(
        'bad-value',
        '/sync:digest/digestEntry[1]/stamp',
        `expected an xs:dateTime stamp, found "${date}" (${why})`,
      ),
    ])
    const folder = `<Items><Document><ResourceID>abc</ResourceID><DateModified>${date}</DateModified></Document></Items>`
    expect(rejection(kind('FileSyncXml'), folder)).toEqual([
      decodeIssue('bad-value', '/Items/Document[1]/DateModified', `expected an xs:dateTime, found "${date}" (${why})`),
    ])
  })
})

describe('hostile values: conflict priorities 0 and 10 decode (the field is an integer) and fail validation', () => {
  it.each([
    ['0', 'conflictPriority 0 (absent or zero) is not an integer in 1..9'],
    ['10', 'conflictPriority 10 is not an integer in 1..9'],
  ])('priority %s', (priority, message) => {
    const digest = accepted(kind('DigestXml'), digestWith('5', priority))
    expect(digest).toMatchObject({ entries: [{ conflictPriority: Number(priority) }] })
    expect(validateDigest(digest as never)).toEqual([rule('error', '/digest/digestEntry[1]/conflictPriority', message)])
    expectRoundTrip(kind('DigestXml'), digest)
  })
})

describe('hostile values: overlong GUIDs', () => {
  const overlong = '7E2A1C4B-0000-0000-0000-0000000000001'

  it('the GUID and UUID codecs reject one digit too many, and a 1000-character value with a shortened echo', () => {
    expect(Guid.decode(overlong)).toMatchObject({
      _tag: 'Left',
      left: [{ message: `expected a GUID (32 hex digits), found "${overlong}"` }],
    })
    expect(Uuid.decode(overlong)).toMatchObject({
      _tag: 'Left',
      left: [{ message: `expected a UUID (8-4-4-4-12 hex digits), found "${overlong}"` }],
    })
    const huge = Uuid.decode('x'.repeat(1000))
    expect(huge).toMatchObject({
      _tag: 'Left',
      left: [{ message: `expected a UUID (8-4-4-4-12 hex digits), found "${'x'.repeat(45)}..."` }],
    })
  })

  it('an sdata:uuid one digit too long decodes (kept as read) and fails validation at its path', () => {
    const text = `<entry xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><id>x</id><sdata:payload><account sdata:uuid="${overlong}"/></sdata:payload></entry>`
    const entry = accepted(kind('SyncEntryXml'), text)
    expect(entry).toMatchObject({ payload: { uuid: overlong } })
    expect(validateSyncEntry(entry as never)).toContainEqual(
      rule('error', '/entry/sdata:payload/account/@sdata:uuid', `sdata:uuid "${overlong}" is not a UUID`),
    )
    expectRoundTrip(kind('SyncEntryXml'), entry)
  })

  it('the REST site id rejects a GUID one digit too long', () => {
    const text = fixture('filesync/rest/site-id.xml.txt').replace('8a90</d:Id>', '8a900</d:Id>')
    expect(decodeSiteId(text)).toEqual({
      _tag: 'Left',
      left: [decodeIssue('bad-value', '/d:Id', "expected a GUID, found '0d2f6b3e-4c1a-4b8e-9f3a-2c7d5e6f8a900'")],
    })
  })
})
