// The payload resource as read and written: only `sdata:deleteMissing` counts as deleteMissing, `forms` is present
// only when something was recorded, the declarations the resource keeps, a lifted boolean's lexical form written
// back only while it still spells the value, and a typed codec's resource without a value written from its element.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { child, element, qname, record, text } from '../../src/codec/index'
import {
  payloadElement,
  resourceAttributes,
  SDATA_NS,
  type SyncEntry,
  SyncEntryXml,
  syncEntryXml,
} from '../../src/sdata/index'
import { XMLNS_NAMESPACE, type XmlElement } from '../../src/xml/index'
import { decoded } from '../support/decode'

const ATOM = 'http://www.w3.org/2005/Atom'
const SYNC = 'http://schemas.sage.com/sdata/sync/2008/1'
const entry = (resource: string, payloadAttributes = '') =>
  `<entry xmlns="${ATOM}" xmlns:sdata="${SDATA_NS}" xmlns:sync="${SYNC}"><id>i</id>` +
  `<sdata:payload${payloadAttributes}>${resource}</sdata:payload></entry>`
const payloadOf = (resource: string) => decoded(SyncEntryXml, entry(resource)).payload!
const declarations = (el: XmlElement) =>
  el.attributes.filter((a) => a.namespace === XMLNS_NAMESPACE).map((a) => `${a.prefix ?? ''}:${a.localName}=${a.value}`)

describe('resourceAttributes: deleteMissing is sdata:deleteMissing only', () => {
  it.each([
    ['no namespace', { namespace: null, prefix: null }],
    ['another namespace', { namespace: 'urn:x', prefix: 'x' }],
    ['the sync namespace', { namespace: SYNC, prefix: 'sync' }],
  ])('a readable deleteMissing in %s is not read', (_, where) => {
    const el: XmlElement = {
      type: 'element',
      namespace: 'urn:c',
      localName: 'lines',
      prefix: null,
      attributes: [{ ...where, localName: 'deleteMissing', value: 'true' }],
      children: [],
    }
    expect(resourceAttributes(el)).toStrictEqual({})
  })
})

describe('forms: present only when a spelling or a lexical form was recorded', () => {
  it('a resource with the spec’s spellings and isDeleted="true" has no forms member', () => {
    const plain = payloadOf('<r xmlns="urn:r" sdata:uuid="u" sdata:isDeleted="true"/>')
    expect(plain.isDeleted).toBe(true)
    expect('forms' in plain).toBe(false)
    expect('forms' in payloadOf('<r xmlns="urn:r"/>')).toBe(false)
  })

  it('a variant or another lexical form is recorded', () => {
    expect(payloadOf('<r xmlns="urn:r" sdata:uri="http://e/1"/>').forms).toStrictEqual({ url: 'uri' })
    expect(payloadOf('<r xmlns="urn:r" sdata:isDeleted="1"/>').forms).toStrictEqual({ isDeleted: '1' })
  })
})

describe('the declarations the resource keeps once its SData attributes are lifted', () => {
  it('a default namespace that is the SData namespace stays (the element is in it)', () => {
    const p = payloadOf(`<r xmlns="${SDATA_NS}" sdata:uuid="u"><x/></r>`)
    expect(p.uuid).toBe('u')
    expect(p.element.namespace).toBe(SDATA_NS)
    expect(declarations(p.element)).toEqual([`:xmlns=${SDATA_NS}`])
    // In its place among the others (not dropped and declared again after them).
    const among = payloadOf(`<r xmlns="${SDATA_NS}" xmlns:q="urn:q" sdata:uuid="u"><q:x/></r>`)
    expect(declarations(among.element)).toEqual([`:xmlns=${SDATA_NS}`, 'xmlns:q=urn:q'])
  })

  it('declarations of other namespaces stay, used or not; an sdata declaration only the lifted ones used goes', () => {
    const p = payloadOf(`<r xmlns="urn:r" xmlns:q="urn:q" xmlns:sdata="${SDATA_NS}" sdata:uuid="u"/>`)
    expect(declarations(p.element)).toEqual([':xmlns=urn:r', 'xmlns:q=urn:q'])
    const used = payloadOf(`<r xmlns="urn:r" xmlns:sdata="${SDATA_NS}" sdata:uuid="u"><sdata:x/></r>`)
    expect(declarations(used.element)).toEqual([':xmlns=urn:r', `xmlns:sdata=${SDATA_NS}`])
  })
})

describe('a lifted boolean’s lexical form is written back only while it spells the value', () => {
  const reencoded = (edit: (e: SyncEntry) => void) => {
    const e = structuredClone(decoded(SyncEntryXml, entry('<r xmlns="urn:r" sdata:isDeleted="1"/>')))
    edit(e)
    return SyncEntryXml.encode(e)
  }

  it('"1" is kept while isDeleted is true', () => {
    expect(reencoded(() => {})).toContain('sdata:isDeleted="1"')
  })

  it('set to false, the resource is written without isDeleted (not "1", which would say true)', () => {
    const text = reencoded((e) => {
      e.payload!.isDeleted = false
    })
    expect(text).not.toContain('isDeleted')
    expect(decoded(SyncEntryXml, text).payload!.isDeleted).toBe(false)
  })

  it('"0" read and set to true is written "true"', () => {
    const e = structuredClone(decoded(SyncEntryXml, entry('<r xmlns="urn:r" sdata:isDeleted="0"/>')))
    expect(e.payload!.isDeleted).toBe(false)
    e.payload!.isDeleted = true
    expect(SyncEntryXml.encode(e)).toContain('sdata:isDeleted="true"')
  })
})

describe('a typed codec and a resource without a value', () => {
  const CONTRACT = 'urn:contract'
  const Account = element(qname(CONTRACT, 'account'), record({ name: child(qname(CONTRACT, 'name'), text(t.string)) }))
  const AccountEntry = syncEntryXml(Account)

  it('is written from its element', () => {
    const e = decoded(SyncEntryXml, entry(`<account xmlns="${CONTRACT}" sdata:uuid="u"><name>N</name></account>`))
    expect(e.payload!.value).toBeUndefined()
    // The same entry as the typed codec's type: a resource whose value nobody decoded.
    const untyped: SyncEntry<{ name: string }> = { ...e, payload: { ...e.payload!, value: undefined } }
    const typed = decoded(AccountEntry, AccountEntry.encode(untyped))
    expect([typed.payload!.uuid, typed.payload!.value]).toEqual(['u', { name: 'N' }])
  })

  it('and payloadElement decodes the same element with its value', () => {
    const p = payloadOf(`<account xmlns="${CONTRACT}"><name>N</name></account>`)
    const r = payloadElement(Account).decode({
      type: 'element',
      namespace: SDATA_NS,
      localName: 'payload',
      prefix: 'sdata',
      attributes: [],
      children: [p.element],
    })
    expect(r._tag === 'Right' && r.right.value).toEqual({ name: 'N' })
  })
})
