import { describe, expect, it } from 'vitest'
import { NonNegativeInteger, SafeInteger, StampCodec, text, XsBoolean } from '../../src/codec/index'
import { SyncEntryXml } from '../../src/sdata/index'

// The codec kit and the SData readers read values differently: `text(XsBoolean)` refused `TRUE` and
// `text(NonNegativeInteger)` refused ` 5 `, while SyncEntryXml accepted both. Fixed in src/codec/boolean.ts,
// integer.ts and datetime.ts: one lenient reader per value type (readBooleanLexical, readIntegerLexical,
// readStampLexical), used by the kit's codecs and by src/sdata/read.ts alike; writers stay strict.
const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
const entry = (tick: string, deleted: string, stamp: string) =>
  `<entry xmlns="http://www.w3.org/2005/Atom" xmlns:sync="${SYNC}" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">` +
  `<sync:syncState><sync:endpoint>http://a/e</sync:endpoint><sync:tick>${tick}</sync:tick><sync:stamp>${stamp}</sync:stamp></sync:syncState>` +
  `<sdata:payload><a xmlns="urn:c" sdata:uuid="74926A0D-D2C0-4daa-9986-47C833691569" sdata:isDeleted="${deleted}"/></sdata:payload></entry>`

describe('regression: the kit and the protocol readers accept the same lexical forms', () => {
  it.each([
    ['TRUE', ' 5 ', ' 2008-10-30T14:55:43Z\n'],
    ['fAlSe', '\t7', '2008-10-30T14:55:43'],
  ])('boolean %j, tick %j, stamp %j', (b, n, stamp) => {
    const fromKit = {
      deleted: text(XsBoolean).decode({
        type: 'element',
        namespace: null,
        localName: 'x',
        prefix: null,
        attributes: [],
        children: [{ type: 'text', value: b }],
      }),
      tick: NonNegativeInteger.decode(n),
      stamp: StampCodec.decode(stamp),
    }
    const r = SyncEntryXml.decode(entry(n, b, stamp))
    if (r._tag !== 'Right') throw new Error('SyncEntryXml refused it')
    expect(fromKit.deleted).toEqual({ _tag: 'Right', right: r.right.payload?.isDeleted })
    expect(fromKit.tick).toEqual({ _tag: 'Right', right: r.right.syncState?.tick })
    expect(fromKit.stamp).toEqual({ _tag: 'Right', right: r.right.syncState?.stamp })
  })

  it('both refuse the same non-values, and the writers are strict', () => {
    for (const bad of ['yes', '1e3', '-1']) expect(NonNegativeInteger.decode(bad)._tag).toBe('Left')
    expect(XsBoolean.decode('yes')._tag).toBe('Left')
    expect(SyncEntryXml.decode(entry('1e3', 'true', '2008-10-30T14:55:43Z'))._tag).toBe('Left')
    expect(SyncEntryXml.decode(entry('1', 'yes', '2008-10-30T14:55:43Z'))._tag).toBe('Left')
    expect(XsBoolean.encode(true)).toBe('true')
    expect(SafeInteger.encode(-0)).toBe('0')
  })
})
