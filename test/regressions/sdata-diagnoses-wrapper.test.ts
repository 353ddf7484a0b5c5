import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { SyncEntryJson, SyncEntryXml, SyncFeedJson, SyncFeedXml } from '../../src/sdata/index'

// Diagnoses wrapped in `sdata:diagnoses` (the .NET client reads them wrapped and bare, at feed and entry level) were
// written back bare: the model kept no wrapper, and an empty `<sdata:diagnoses/>` vanished. Fixed in
// src/sdata/diagnosis.ts (`diagnosesWrappers` on feeds and entries, written back as read) and
// src/sdata/json/diagnosis.ts (`$diagnosesWrappers` beside the flat `$diagnoses` SData 2.0 writes).
const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>'
const SDATA = 'xmlns:sdata="http://schemas.sage.com/sdata/2008/1"'
const diagnosis = (message: string) => `<sdata:diagnosis><sdata:message>${message}</sdata:message></sdata:diagnosis>`
const body = (a: string, b: string) =>
  `<sdata:diagnoses>${diagnosis(a)}</sdata:diagnoses>${diagnosis(b)}<sdata:diagnoses/>` +
  `<sdata:diagnoses>${diagnosis(`${b}+`)}</sdata:diagnoses>`
const entryText = `${DECLARATION}<entry xmlns="http://www.w3.org/2005/Atom" ${SDATA}>${body('three', 'four')}</entry>`
const feedText =
  `${DECLARATION}<feed xmlns="http://www.w3.org/2005/Atom" ${SDATA}>${body('one', 'two')}` +
  `<entry>${body('three', 'four')}</entry></feed>`

const decoded = <A>(r: E.Either<unknown, A>): A => {
  if (E.isLeft(r)) throw new Error(`refused: ${JSON.stringify(r.left).slice(0, 300)}`)
  return r.right
}
const WRAPPERS = [
  { start: 0, count: 1 },
  { start: 2, count: 0 },
  { start: 2, count: 1 },
]

describe('regression: sdata:diagnoses wrappers are written back as read', () => {
  it('an entry keeps its wrappers, the empty one included, in XML', () => {
    const entry = decoded(SyncEntryXml.decode(entryText))
    expect(entry.diagnoses.map((d) => d.message)).toEqual(['three', 'four', 'four+'])
    expect(entry.diagnosesWrappers).toEqual(WRAPPERS)
    expect(SyncEntryXml.encode(entry)).toBe(entryText)
  })

  it('a feed keeps its own wrappers and its entries', () => {
    const feed = decoded(SyncFeedXml.decode(feedText))
    expect(feed.diagnoses.map((d) => d.message)).toEqual(['one', 'two', 'two+'])
    expect(feed.diagnosesWrappers).toEqual(WRAPPERS)
    expect(feed.entries[0]?.diagnosesWrappers).toEqual(WRAPPERS)
    expect(SyncFeedXml.encode(feed)).toBe(feedText)
  })

  it('JSON keeps the flat $diagnoses of SData 2.0 and carries the wrappers beside them', () => {
    const feed = decoded(SyncFeedXml.decode(feedText))
    const json = SyncFeedJson.encode(feed)
    expect(json.$diagnoses).toEqual([{ $message: 'one' }, { $message: 'two' }, { $message: 'two+' }])
    expect(json.$diagnosesWrappers).toEqual(WRAPPERS)
    const back = decoded(SyncFeedJson.decode(JSON.parse(JSON.stringify(json))))
    expect(back).toEqual(feed)
    expect(SyncFeedXml.encode(back)).toBe(feedText)
    const entry = decoded(SyncEntryXml.decode(entryText))
    expect(SyncEntryXml.encode(decoded(SyncEntryJson.decode(SyncEntryJson.encode(entry))))).toBe(entryText)
  })

  it('bare diagnoses still have no wrappers', () => {
    const text = `<entry xmlns="http://www.w3.org/2005/Atom" ${SDATA}>${diagnosis('bare')}</entry>`
    const entry = decoded(SyncEntryXml.decode(text))
    expect(entry).not.toHaveProperty('diagnosesWrappers')
    expect(SyncEntryJson.encode(entry)).not.toHaveProperty('$diagnosesWrappers')
  })

  it('a broken $diagnosesWrappers is an error with its path', () => {
    const r = SyncEntryJson.decode({
      $diagnosesWrappers: [{ start: -1, count: 1 }, { start: 0 }, { start: 0, count: 0, x: 1 }],
    })
    expect(E.isLeft(r)).toBe(true)
    const messages = E.isLeft(r) ? r.left.map((e) => e.message) : []
    expect(messages).toEqual([
      'start must be a non-negative safe integer',
      'count is missing',
      'x is not a member of a diagnoses wrapper',
    ])
  })

  it('wrappers that do not fit the diagnoses still write every diagnosis once', () => {
    const entry = decoded(SyncEntryXml.decode(entryText))
    const odd = {
      ...entry,
      diagnosesWrappers: [
        { start: 1, count: 9 },
        { start: 0, count: 1 },
      ],
    }
    const again = decoded(SyncEntryXml.decode(SyncEntryXml.encode(odd)))
    expect(again.diagnoses).toEqual(entry.diagnoses)
    expect(again.diagnosesWrappers).toEqual([
      { start: 1, count: 2 },
      { start: 3, count: 0 },
    ])
  })
})
