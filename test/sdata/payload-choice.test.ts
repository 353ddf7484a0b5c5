import { describe, expect, it } from 'vitest'
import { payloadElement, reportErrors, SyncEntryElement, SyncEntryXml, SyncFeedElement } from '../../src/sdata/index'
import { parseXml } from '../../src/xml/index'

// The reading rules of `sdata:payload` (its choice description, PAYLOAD): exactly one child, a `sync:digest` or a
// resource; beside namespace declarations only `sdata:uuid`, and only with a resource. Anything else keeps the whole
// payload as an extension, and the entry written back holds it unchanged.
const NS =
  'xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"' +
  ' xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1"'
const entry = (payload: string) => `<entry ${NS}>${payload}</entry>`
const UUID = '74926A0D-D2C0-4daa-9986-47C833691569'
const ACCOUNT = '<account xmlns="urn:c"><name>x</name></account>'
const DIGEST =
  '<sync:digest><sync:origin>http://a/e</sync:origin><sync:digestEntry><sync:endpoint>http://a/e</sync:endpoint>' +
  '<sync:tick>3</sync:tick><sync:stamp>2008-10-30T14:55:43Z</sync:stamp></sync:digestEntry></sync:digest>'

function decoded(text: string) {
  const r = SyncEntryXml.decode(text)
  if (r._tag !== 'Right') throw new Error(JSON.stringify(reportErrors(r.left)))
  return r.right
}

describe('sdata:payload: one resource or one digest', () => {
  it('reads a resource, its uuid lifted from sdata:payload', () => {
    const e = decoded(entry(`<sdata:payload sdata:uuid="${UUID}">${ACCOUNT}</sdata:payload>`))
    expect(e.payload?.uuid).toBe(UUID)
    expect(e.payload?.forms).toEqual({ uuid: 'payload' })
    expect(e.extensions).toEqual([])
    expect(decoded(SyncEntryXml.encode(e))).toStrictEqual(e)
  })

  it('reads a digest', () => {
    const e = decoded(entry(`<sdata:payload>${DIGEST}</sdata:payload>`))
    expect(e.digest?.origin).toBe('http://a/e')
    expect(e.payload).toBeUndefined()
    expect(decoded(SyncEntryXml.encode(e))).toStrictEqual(e)
  })

  it.each([
    ['no child', '<sdata:payload/>'],
    ['text beside the resource', `<sdata:payload>x${ACCOUNT}</sdata:payload>`],
    ['two children', `<sdata:payload>${ACCOUNT}${ACCOUNT}</sdata:payload>`],
    ['an attribute it does not lift', `<sdata:payload sdata:key="k">${ACCOUNT}</sdata:payload>`],
    ['an attribute in no namespace', `<sdata:payload uuid="${UUID}">${ACCOUNT}</sdata:payload>`],
    ['a uuid on a digest', `<sdata:payload sdata:uuid="${UUID}">${DIGEST}</sdata:payload>`],
  ])('keeps the payload whole with %s', (_, payload) => {
    const e = decoded(entry(payload))
    expect(e.payload).toBeUndefined()
    expect(e.digest).toBeUndefined()
    expect(e.extensions).toHaveLength(1)
    expect(e.extensions[0]!.localName).toBe('payload')
    expect(decoded(SyncEntryXml.encode(e))).toStrictEqual(e)
  })

  it('keeps the payload whole when a tree of its own (not parsed) carries its uuid twice', () => {
    const root = parseXml(entry(`<sdata:payload sdata:uuid="${UUID}">${ACCOUNT}</sdata:payload>`))
    if (root._tag !== 'Right') throw new Error('parsed')
    const payload = root.right.root.children[0]
    if (payload?.type !== 'element') throw new Error('payload')
    // Two attributes of one expanded name no parser gives; a caller's tree may hold them.
    payload.attributes = [payload.attributes[0]!, { ...payload.attributes[0]!, value: 'other' }]
    const r = SyncEntryElement.decode(root.right.root)
    if (r._tag !== 'Right') throw new Error(JSON.stringify(reportErrors(r.left)))
    expect(r.right.payload).toBeUndefined()
    expect(r.right.extensions).toHaveLength(1)
    expect(r.right.extensions[0]!.attributes.map((a) => a.value)).toEqual([UUID, 'other'])
  })

  it("lifts the resource's attributes out of a copy of a caller's own tree, never out of that tree", () => {
    // The reader lifts them in place only out of a tree it parsed itself for the decode (the text's entries).
    const resource =
      `<account xmlns="urn:c" sdata:uuid="${UUID}" sdata:isDeleted="false" a="1">` +
      `<line sdata:uuid="${UUID}"/></account>`
    const entryText = entry(`<sdata:payload>${resource}</sdata:payload>`)
    const feedText = `<feed ${NS}>${entryText.replace(` ${NS}`, '')}</feed>`
    const fromText = decoded(entryText).payload!.element
    for (const [codec, text] of [
      [SyncEntryElement, entryText],
      [SyncFeedElement, feedText],
    ] as const) {
      const root = parseXml(text)
      if (root._tag !== 'Right') throw new Error('parsed')
      const before = structuredClone(root.right.root)
      const r = codec.decode(root.right.root)
      if (r._tag !== 'Right') throw new Error(JSON.stringify(reportErrors(r.left)))
      expect(root.right.root).toStrictEqual(before)
      const payload = 'entries' in r.right ? r.right.entries[0]!.payload : r.right.payload
      expect(payload?.element.attributes).toEqual(fromText.attributes)
      expect(payload?.element.attributes.map((a) => a.localName)).toEqual(['xmlns', 'a'])
    }
  })

  it('a broken digest is an error with its path', () => {
    const r = SyncEntryXml.decode(
      entry('<sdata:payload><sync:digest><sync:digestEntry/></sync:digest></sdata:payload>'),
    )
    if (r._tag !== 'Left') throw new Error('read')
    expect(reportErrors(r.left)).toContainEqual(
      expect.objectContaining({
        path: '/entry/sdata:payload/sync:digest/digestEntry[1]/endpoint',
        message: 'missing required element sync:endpoint',
      }),
    )
  })

  it('payloadElement wants exactly one resource', () => {
    const root = (text: string) => {
      const p = parseXml(text)
      if (p._tag !== 'Right') throw new Error('not XML')
      return p.right.root
    }
    const sdata =
      'xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1"'
    const ok = payloadElement().decode(root(`<sdata:payload ${sdata}>${ACCOUNT}</sdata:payload>`))
    expect(ok._tag).toBe('Right')
    for (const body of ['', DIGEST, ACCOUNT + ACCOUNT]) {
      const r = payloadElement().decode(root(`<sdata:payload ${sdata}>${body}</sdata:payload>`))
      if (r._tag !== 'Left') throw new Error('read')
      expect(reportErrors(r.left)).toEqual([
        expect.objectContaining({
          path: '/sdata:payload',
          message: 'expected sdata:payload to hold exactly one resource element',
        }),
      ])
      // io-ts reporters name the codec at the root of each error's context.
      expect(r.left[0]!.context[0]!.type.name).toBe('PayloadElement')
    }
  })
})
