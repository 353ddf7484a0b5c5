// SharePoint REST answer decoders (getmyproperties, DefaultDocumentLibrary/ID, Site/Id): the `d` wrapper of verbose
// JSON, nulls, OData error texts, bare property elements, Atom entries without content, and non-text input.
// Raised from mutation testing (issue 7).
import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  decodeDefaultDocumentLibraryId,
  decodeMyProperties,
  decodeSiteId,
  ODATA_DATASERVICES,
  ODATA_METADATA,
} from '../../../src/filesync/index'
import { decodeIssue, jsonIssue } from '../../support/issues'

const GUID = '0d2f6b3e-4c1a-4b8e-9f3a-2c7d5e6f8a90'
const FORMS = { dashed: GUID, hex: '0d2f6b3e4c1a4b8e9f3a2c7d5e6f8a90' }
const NS = `xmlns="http://www.w3.org/2005/Atom" xmlns:m="${ODATA_METADATA}" xmlns:d="${ODATA_DATASERVICES}"`

describe('JSON answers', () => {
  it('reads properties beside a `d` that is null or not an object', () => {
    expect(decodeSiteId(`{"d":null,"Id":"${GUID}"}`)).toEqual(E.right(FORMS))
    expect(decodeSiteId(`{"d":"x","Id":"${GUID}"}`)).toEqual(E.right(FORMS))
    expect(decodeSiteId(`{"d":5,"value":"${GUID}"}`)).toEqual(E.right(FORMS))
    expect(decodeDefaultDocumentLibraryId(`{"d":false,"id":"${GUID.toUpperCase()}"}`)).toEqual(E.right(FORMS))
  })

  it('reads properties inside `d` when it is an object, with /d paths', () => {
    expect(decodeSiteId(`{"d":{"ID":"${GUID}"}}`)).toEqual(E.right(FORMS))
    expect(decodeSiteId(`{"d":{"Id":null}}`)).toEqual(
      E.left([jsonIssue('unexpected', '/d/Id', 'expected a GUID, found null')]),
    )
    expect(decodeSiteId(`{"d":{"Id":[1]}}`)).toEqual(
      E.left([jsonIssue('unexpected', '/d/Id', 'expected a GUID, found array')]),
    )
    expect(decodeSiteId(`{"d":{"Id":{}}}`)).toEqual(
      E.left([jsonIssue('unexpected', '/d/Id', 'expected a GUID, found object')]),
    )
    expect(decodeSiteId(`{"d":{"Other":"x"}}`)).toEqual(
      E.left([jsonIssue('missing', '/d/Id', 'expected a GUID, found none')]),
    )
  })

  it('reports nulls in light JSON at their JSON pointer', () => {
    expect(decodeMyProperties('{"AccountName":null,"PersonalUrl":null}')).toEqual(
      E.left([
        jsonIssue('unexpected', '/AccountName', 'expected the account name, found null'),
        jsonIssue('unexpected', '/PersonalUrl', 'expected the personal site URL, found null'),
      ]),
    )
  })

  it('names the error key and shows whatever message the error has', () => {
    expect(decodeSiteId('{"odata.error":"boom"}')).toEqual(
      E.left([jsonIssue('unexpected', '/odata.error', 'the server answered with an error: boom')]),
    )
    expect(decodeSiteId('{"error":{"code":"c"}}')).toEqual(
      E.left([jsonIssue('unexpected', '/error', 'the server answered with an error: c')]),
    )
    expect(decodeSiteId('{"error":{"message":"m"}}')).toEqual(
      E.left([jsonIssue('unexpected', '/error', 'the server answered with an error: m')]),
    )
    expect(decodeSiteId('{"error":{"code":"","message":{"value":"v"}}}')).toEqual(
      E.left([jsonIssue('unexpected', '/error', 'the server answered with an error: v')]),
    )
    expect(decodeSiteId('{"error":{"code":5,"message":null}}')).toEqual(
      E.left([jsonIssue('unexpected', '/error', 'the server answered with an error: no message')]),
    )
    expect(decodeSiteId('{"error":{"code":"","message":{"value":7}}}')).toEqual(
      E.left([jsonIssue('unexpected', '/error', 'the server answered with an error: no message')]),
    )
    expect(decodeSiteId('{"odata.error":null}')).toEqual(
      E.left([jsonIssue('unexpected', '/odata.error', 'the server answered with an error: null')]),
    )
  })

  it('refuses JSON that is not an object', () => {
    for (const body of ['null', '"x"', '5']) {
      expect(decodeSiteId(body)).toEqual(E.left([decodeIssue('unexpected', '', 'expected a JSON object')]))
    }
  })

  it('refuses input that is not text', () => {
    expect(decodeMyProperties(undefined as never)).toEqual(
      E.left([decodeIssue('unexpected', '', 'expected text, found undefined')]),
    )
    expect(decodeSiteId(42 as never)).toEqual(E.left([decodeIssue('unexpected', '', 'expected text, found number')]))
  })
})

describe('XML answers', () => {
  it('reads a bare d: property element of the asked name, case-insensitively, and null', () => {
    expect(decodeSiteId(`<d:ID xmlns:d="${ODATA_DATASERVICES}"> ${GUID} </d:ID>`)).toEqual(E.right(FORMS))
    expect(decodeSiteId(`<d:Id xmlns:d="${ODATA_DATASERVICES}" xmlns:m="${ODATA_METADATA}" m:null="true"/>`)).toEqual(
      E.left([decodeIssue('unexpected', '/d:Id', 'expected a GUID, found null')]),
    )
  })

  it('refuses a bare d: property element of another name, naming it', () => {
    expect(decodeSiteId(`<d:Title xmlns:d="${ODATA_DATASERVICES}">${GUID}</d:Title>`)).toEqual(
      E.left([decodeIssue('unexpected', '/d:Id', 'expected a GUID, found <d:Title>')]),
    )
  })

  it('reports an Atom entry without content, or content without m:properties, at the deepest path found', () => {
    expect(decodeMyProperties(`<entry ${NS}><title/></entry>`)).toEqual(
      E.left([decodeIssue('missing', '/entry', 'expected element m:properties in the Atom entry, found none')]),
    )
    expect(decodeMyProperties(`<entry ${NS}><content type="application/xml"><d:X/></content></entry>`)).toEqual(
      E.left([decodeIssue('missing', '/entry/content', 'expected element m:properties in the Atom entry, found none')]),
    )
  })

  it('reports missing properties of an Atom entry with their would-be path', () => {
    const body = `<entry ${NS}><content><m:properties><d:PersonalUrl>https://h/personal/a/</d:PersonalUrl></m:properties></content></entry>`
    expect(decodeMyProperties(body)).toEqual(
      E.left([
        decodeIssue('missing', '/entry/content/m:properties/d:AccountName', 'expected the account name, found none'),
      ]),
    )
  })

  it('accepts only m:properties and Atom entry roots besides d: elements', () => {
    expect(decodeMyProperties(`<m:other xmlns:m="${ODATA_METADATA}"/>`)).toEqual(
      E.left([
        decodeIssue(
          'unexpected',
          '/m:other',
          `expected an Atom entry, m:properties or a d: property element, found <m:other> (${ODATA_METADATA})`,
        ),
      ]),
    )
    expect(decodeMyProperties('<properties/>')).toEqual(
      E.left([
        decodeIssue(
          'unexpected',
          '/properties',
          'expected an Atom entry, m:properties or a d: property element, found <properties>',
        ),
      ]),
    )
    expect(decodeMyProperties(`<m:entry xmlns:m="${ODATA_METADATA}"/>`)).toEqual(
      E.left([
        decodeIssue(
          'unexpected',
          '/m:entry',
          `expected an Atom entry, m:properties or a d: property element, found <m:entry> (${ODATA_METADATA})`,
        ),
      ]),
    )
  })

  it('reports an m:error without code or message, and one with only a message', () => {
    expect(decodeSiteId(`<m:error xmlns:m="${ODATA_METADATA}"/>`)).toEqual(
      E.left([decodeIssue('unexpected', '/m:error', 'the server answered with an error: no message')]),
    )
    expect(decodeSiteId(`<m:error xmlns:m="${ODATA_METADATA}"><m:message>Denied</m:message></m:error>`)).toEqual(
      E.left([decodeIssue('unexpected', '/m:error', 'the server answered with an error: Denied')]),
    )
  })

  it('trims the personal URL path of its trailing slashes and keeps the query out', () => {
    expect(decodeMyProperties('{"AccountName":"a","PersonalUrl":"HTTP://h:8080/personal/a//?x=1"}')).toEqual(
      E.right({
        accountName: 'a',
        personalUrl: 'HTTP://h:8080/personal/a//?x=1',
        siteUrl: 'HTTP://h:8080/personal/a',
        serverUrl: 'HTTP://h:8080',
        sitePath: '/personal/a',
      }),
    )
  })
})
