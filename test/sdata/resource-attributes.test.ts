// The lifted SData attributes of a resource, read strictly as described: exactly the members an element carries
// (none set to undefined), each from the first attribute of its spelling (the spec's spelling before any variant),
// through `resourceAttributes` and through the payload's element codec on a caller's tree, which may hold an
// attribute twice (a parsed document cannot).
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import { payloadElement, resourceAttributes, SDATA_NS } from '../../src/sdata/index'
import { XMLNS_NAMESPACE, type XmlElement } from '../../src/xml/index'
import { resourceWith, sd, sy } from '../support/sdata-attributes'

describe('resourceAttributes gives exactly the members the element carries', () => {
  it.each([
    ['nothing', resourceWith(), {}],
    ['a foreign attribute only', resourceWith({ namespace: null, localName: 'uuid', prefix: null, value: 'u' }), {}],
    ['an unreadable deleteMissing', resourceWith(sd('deleteMissing', 'perhaps')), {}],
    ['an unreadable isDeleted beside a uuid', resourceWith(sd('uuid', 'u'), sd('isDeleted', 'perhaps')), { uuid: 'u' }],
    ['deleteMissing alone', resourceWith(sd('deleteMissing', 'false')), { deleteMissing: false }],
    ['url from uri', resourceWith(sd('uri', 'http://e/1')), { url: 'http://e/1' }],
    ['isDeleted from sync', resourceWith(sy('isDeleted', '1')), { isDeleted: true }],
  ] as [string, XmlElement, object][])('%s', (_, element, expected) => {
    const got = resourceAttributes(element)
    expect(got).toStrictEqual(expected)
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort())
  })
})

describe('an attribute given twice (a caller’s tree): the first of each spelling is read', () => {
  it('two sdata:url, two sdata:uri, two sync:isDeleted', () => {
    expect(resourceAttributes(resourceWith(sd('url', 'http://e/1'), sd('url', 'http://e/2')))).toStrictEqual({
      url: 'http://e/1',
    })
    expect(resourceAttributes(resourceWith(sd('uri', 'http://e/1'), sd('uri', 'http://e/2')))).toStrictEqual({
      url: 'http://e/1',
    })
    expect(resourceAttributes(resourceWith(sy('isDeleted', 'true'), sy('isDeleted', 'false')))).toStrictEqual({
      isDeleted: true,
    })
  })

  it('the spec’s spelling wins over a variant before or after it, and over a second variant', () => {
    const want = { url: 'http://e/spec' }
    expect(resourceAttributes(resourceWith(sd('uri', 'http://e/1'), sd('url', 'http://e/spec')))).toStrictEqual(want)
    expect(resourceAttributes(resourceWith(sd('url', 'http://e/spec'), sd('uri', 'http://e/1')))).toStrictEqual(want)
    expect(
      resourceAttributes(resourceWith(sd('uri', 'http://e/1'), sd('uri', 'http://e/2'), sd('url', 'http://e/spec'))),
    ).toStrictEqual(want)
  })

  it('the payload codec lifts the first and keeps the second on the element', () => {
    const decoded = (element: XmlElement) => {
      const r = payloadElement().decode({
        type: 'element',
        namespace: SDATA_NS,
        localName: 'payload',
        prefix: 'sdata',
        attributes: [],
        children: [element],
      })
      if (E.isLeft(r)) throw new Error('expected a payload')
      return r.right
    }
    // The element made self-contained gains `xmlns="urn:c"`; the SData attributes left are what matter here.
    const kept = (element: XmlElement) => element.attributes.filter((a) => a.namespace !== XMLNS_NAMESPACE)
    const twice = decoded(resourceWith(sd('key', 'k1'), sd('key', 'k2')))
    expect(twice.key).toBe('k1')
    expect(kept(twice.element)).toEqual([sd('key', 'k2')])
    const uris = decoded(resourceWith(sd('uri', 'http://e/1'), sd('uri', 'http://e/2')))
    expect([uris.url, uris.forms]).toEqual(['http://e/1', { url: 'uri' }])
    expect(kept(uris.element)).toEqual([sd('uri', 'http://e/2')])
  })
})
