import { describe, expect, it } from 'vitest'
import { SyncEntryJson, SyncEntryXml } from '../../src/sdata/index'

// Re-encoding changed what a real client sees: a payload read with `sdata:uri` came back as `sdata:url` (Sage's
// stacks and the Saleslogix clients read only `sdata:uri`), `sync:isDeleted` as `sdata:isDeleted`, `True` as `true`,
// a uuid on `sdata:payload` moved to the resource. Fixed in src/sdata/payload.ts: `payload.forms` remembers the
// spelling read (absent for the spec's form, as FormBoolean's `lexical`), the writer writes it back, and JSON keeps
// it in `$forms`.
const head =
  '<entry xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"' +
  ' xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">'
const U = '74926A0D-D2C0-4daa-9986-47C833691569'

describe('regression: variant spellings are written back as read', () => {
  it.each([
    [
      'sdata:uri',
      `<sdata:payload><a xmlns="urn:c" sdata:uuid="${U}" sdata:uri="http://x/a(1)"/></sdata:payload>`,
      'sdata:uri="http://x/a(1)"',
    ],
    [
      'sync:isDeleted',
      `<sdata:payload><a xmlns="urn:c" sdata:uuid="${U}" sync:isDeleted="true"/></sdata:payload>`,
      'sync:isDeleted="true"',
    ],
    [
      'True',
      `<sdata:payload><a xmlns="urn:c" sdata:uuid="${U}" sdata:isDeleted="True"/></sdata:payload>`,
      'sdata:isDeleted="True"',
    ],
    [
      'explicit false',
      `<sdata:payload><a xmlns="urn:c" sdata:uuid="${U}" sdata:isDeleted="false"/></sdata:payload>`,
      'sdata:isDeleted="false"',
    ],
    [
      'uuid on payload',
      `<sdata:payload sdata:uuid="${U}"><a xmlns="urn:c"/></sdata:payload>`,
      `<sdata:payload sdata:uuid="${U}"><a xmlns="urn:c"/>`,
    ],
  ])('%s', (_, payload, written) => {
    const r = SyncEntryXml.decode(`${head}${payload}</entry>`)
    if (r._tag !== 'Right') throw new Error('refused')
    expect(r.right.payload?.forms).toBeDefined()
    const xml = SyncEntryXml.encode(r.right)
    expect(xml).toContain(written)
    // Lossless in JSON too.
    const json = SyncEntryJson.decode(JSON.parse(JSON.stringify(SyncEntryJson.encode(r.right))))
    if (json._tag !== 'Right') throw new Error('JSON refused')
    expect(SyncEntryXml.encode(json.right)).toBe(xml)
  })

  it('a value built without a spelling gets the spec form', () => {
    const xml = SyncEntryXml.encode({
      links: [],
      diagnoses: [],
      extensions: [],
      payload: {
        uuid: U,
        isDeleted: true,
        url: 'http://x/a(1)',
        element: { type: 'element', namespace: 'urn:c', localName: 'a', prefix: null, attributes: [], children: [] },
      },
    })
    expect(xml).toContain('sdata:url="http://x/a(1)"')
    expect(xml).toContain('sdata:isDeleted="true"')
  })
})
