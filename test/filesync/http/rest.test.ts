import { either as E } from 'fp-ts'
import { describe, expect, it } from 'vitest'
import {
  changesUrl,
  decodeDefaultDocumentLibraryId,
  decodeMyProperties,
  decodeSiteId,
  policyUrl,
  subscriptionRequest,
} from '../../../src/filesync/index'
import { fixture } from '../../support/fixtures'
import { decodeIssue, jsonIssue } from '../../support/issues'

const me = {
  accountName: 'i:0#.f|membership|ada@contoso.onmicrosoft.com',
  personalUrl: 'https://contoso-my.sharepoint.com/personal/ada_contoso_onmicrosoft_com/',
  siteUrl: 'https://contoso-my.sharepoint.com/personal/ada_contoso_onmicrosoft_com',
  serverUrl: 'https://contoso-my.sharepoint.com',
  sitePath: '/personal/ada_contoso_onmicrosoft_com',
}
const library = { dashed: 'be100e28-dd1c-4f2f-8e83-acdb6fffff05', hex: 'be100e28dd1c4f2f8e83acdb6fffff05' }
const site = { dashed: '0d2f6b3e-4c1a-4b8e-9f3a-2c7d5e6f8a90', hex: '0d2f6b3e4c1a4b8e9f3a2c7d5e6f8a90' }
const forms = ['xml.txt', 'verbose.json', 'nometadata.json']

describe('SharePoint REST answers of the first run (hand-made OData v3 samples)', () => {
  it.each(forms)('decodes getmyproperties (%s)', (form) => {
    expect(decodeMyProperties(fixture(`filesync/rest/getmyproperties.${form}`))).toEqual(E.right(me))
  })

  it.each(forms)('decodes DefaultDocumentLibrary/ID (%s)', (form) => {
    expect(decodeDefaultDocumentLibraryId(fixture(`filesync/rest/default-document-library-id.${form}`))).toEqual(
      E.right(library),
    )
  })

  it.each(forms)('decodes Site/Id (%s)', (form) => {
    expect(decodeSiteId(fixture(`filesync/rest/site-id.${form}`))).toEqual(E.right(site))
  })

  it('feeds the URL builders: discovery answers to the first changes request', () => {
    const props = decodeMyProperties(fixture('filesync/rest/getmyproperties.xml.txt'))
    const lib = decodeDefaultDocumentLibraryId(fixture('filesync/rest/default-document-library-id.xml.txt'))
    if (E.isLeft(props) || E.isLeft(lib)) throw new Error('expected both to decode')
    expect(changesUrl(props.right.siteUrl, lib.right.dashed)).toBe(
      'https://contoso-my.sharepoint.com/personal/ada_contoso_onmicrosoft_com/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=500&View=SkyDriveSync',
    )
    expect(policyUrl(props.right.siteUrl, lib.right.hex)).toBe(
      'https://contoso-my.sharepoint.com/personal/ada_contoso_onmicrosoft_com/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/policy/',
    )
  })

  it('accepts a BOM and a bare m:properties element, and matches names case-insensitively', () => {
    const text =
      '\uFEFF<m:properties xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata" xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices"><d:accountname>a</d:accountname><d:PersonalUrl>http://h/personal/a</d:PersonalUrl></m:properties>'
    expect(decodeMyProperties(text)).toEqual(
      E.right({
        accountName: 'a',
        personalUrl: 'http://h/personal/a',
        siteUrl: 'http://h/personal/a',
        serverUrl: 'http://h',
        sitePath: '/personal/a',
      }),
    )
  })
})

describe('REST decoding errors name where they are', () => {
  it('reports a null PersonalUrl (no personal site yet) in XML', () => {
    const text = fixture('filesync/rest/getmyproperties.xml.txt').replace(
      /<d:PersonalUrl>[^<]*<\/d:PersonalUrl>/,
      '<d:PersonalUrl m:null="true" />',
    )
    expect(decodeMyProperties(text)).toEqual(
      E.left([
        decodeIssue(
          'unexpected',
          '/entry/content/m:properties/d:PersonalUrl',
          'expected the personal site URL, found null',
        ),
      ]),
    )
  })

  it('reports missing and mistyped properties in JSON', () => {
    expect(decodeMyProperties('{"d":{"AccountName":5}}')).toEqual(
      E.left([
        jsonIssue('unexpected', '/d/AccountName', 'expected the account name, found number'),
        jsonIssue('missing', '/d/PersonalUrl', 'expected the personal site URL, found none'),
      ]),
    )
  })

  it('reports a relative PersonalUrl', () => {
    expect(decodeMyProperties('{"AccountName":"a","PersonalUrl":"/personal/a/"}')).toEqual(
      E.left([jsonIssue('bad-value', '/PersonalUrl', "expected an absolute http(s) URL, found '/personal/a/'")]),
    )
  })

  it('reports an id that is not a GUID', () => {
    expect(decodeSiteId('{"value":"nope"}')).toEqual(
      E.left([jsonIssue('bad-value', '/value', "expected a GUID, found 'nope'")]),
    )
  })

  it('reports OData errors, XML and JSON', () => {
    const xml =
      '<m:error xmlns:m="http://schemas.microsoft.com/ado/2007/08/dataservices/metadata"><m:code>-2147024891, System.UnauthorizedAccessException</m:code><m:message xml:lang="en-US">Access denied.</m:message></m:error>'
    expect(decodeSiteId(xml)).toEqual(
      E.left([
        decodeIssue(
          'unexpected',
          '/m:error',
          'the server answered with an error: -2147024891, System.UnauthorizedAccessException: Access denied.',
        ),
      ]),
    )
    expect(
      decodeSiteId(
        '{"error":{"code":"-1, Microsoft.SharePoint.Client.InvalidClientQueryException","message":{"lang":"en-US","value":"Bad"}}}',
      ),
    ).toEqual(
      E.left([
        jsonIssue(
          'unexpected',
          '/error',
          'the server answered with an error: -1, Microsoft.SharePoint.Client.InvalidClientQueryException: Bad',
        ),
      ]),
    )
  })

  it('reports malformed XML with line:column, bad JSON and wrong roots without throwing', () => {
    const bad = decodeSiteId('<d:Id xmlns:d="http://schemas.microsoft.com/ado/2007/08/dataservices">x')
    expect(E.isLeft(bad) && /^\d+:\d+$/.test(bad.left[0]!.path)).toBe(true)
    const json = decodeSiteId('{"value":')
    expect(E.isLeft(json) && json.left[0]!.message.startsWith('expected JSON')).toBe(true)
    expect(decodeSiteId('[1]')).toEqual(E.left([decodeIssue('unexpected', '', 'expected a JSON object')]))
    expect(decodeMyProperties('<feed xmlns="http://www.w3.org/2005/Atom"/>')).toEqual(
      E.left([
        decodeIssue(
          'unexpected',
          '/feed',
          'expected an Atom entry, m:properties or a d: property element, found <feed> (http://www.w3.org/2005/Atom)',
        ),
      ]),
    )
    expect(E.isLeft(decodeMyProperties(undefined as never))).toBe(true)
  })
})

describe('subscriptionRequest', () => {
  it('posts an opaque body to the Subscription URL', () => {
    const lib = 'be100e28-dd1c-4f2f-8e83-acdb6fffff05'
    expect(subscriptionRequest('https://h/personal/a/', lib, '<Opaque a="1"/>')).toEqual({
      method: 'POST',
      url: 'https://h/personal/a/_api/spfilesync/sync/be100e28dd1c4f2f8e83acdb6fffff05/Subscription',
      headers: { 'Content-Type': 'application/web3s+xml' },
      body: '<Opaque a="1"/>',
    })
    const doc = {
      root: { type: 'element' as const, namespace: null, localName: 'S', prefix: null, attributes: [], children: [] },
    }
    expect(subscriptionRequest('https://h', lib, doc, { contentType: 'text/xml' }).body).toMatch(/<S\/>$/)
  })
})
