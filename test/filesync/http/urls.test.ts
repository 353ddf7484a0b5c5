import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  authenticationUrl,
  changesUrl,
  defaultDocumentLibraryIdUrl,
  encodeSyncToken,
  folderItemsUrl,
  globalPolicyUrl,
  myPropertiesUrl,
  parseSyncResponseHeaders,
  policyUrl,
  rootFolderUrl,
  siteIdUrl,
  subscriptionUrl,
  writeUrl,
} from '../../../src/filesync/index'
import { fixture } from '../../support/fixtures'
import { numRuns } from '../../support/runtime'

interface Exchange {
  method: string
  host: string
  path: string
  response_headers: Record<string, string>
}

const exchanges = JSON.parse(fixture('filesync/spo-2025-12-http-headers.json')) as Exchange[]
const site = (e: Exchange) => `https://${e.host}/personal/FB0E114B901691BD`
const siteHost = 'my.microsoftpersonalcontent.com'
// The list id as REST gives it (dashed); the builders must write it as 32 hex digits.
const listId = '5d2445a6-f48d-4f6c-b190-640d11e29a93'
const firstToken = '4;%234;%231;3;5d2445a6-f48d-4f6c-b190-640d11e29a93;638981498674200000;832323924;%23;%23;%230;%23'

describe('URL builders rebuild the captured SPO paths (spo-2025-12-http-headers.json)', () => {
  it('rebuilds flow 0, a folder-create POST carrying the sync token', () => {
    const e = exchanges[0]!
    expect(writeUrl(site(e), listId, { siteHost, syncToken: firstToken })).toBe(`https://${e.host}${e.path}`)
  })

  it('rebuilds flow 1, a changes GET', () => {
    const e = exchanges[1]!
    expect(changesUrl(site(e), listId, { siteHost, syncToken: firstToken, maxItemCount: 500 })).toBe(
      `https://${e.host}${e.path}`,
    )
  })

  it('rebuilds flow 2, an upload POST without a token', () => {
    const e = exchanges[2]!
    expect(writeUrl(site(e), listId, { siteHost })).toBe(`https://${e.host}${e.path}`)
  })

  it('rebuilds flow 5 from the X-SyncToken header of flow 1, passed through verbatim', () => {
    const token = parseSyncResponseHeaders(exchanges[1]!.response_headers).headers.syncToken
    const e = exchanges[3]!
    expect(changesUrl(site(e), listId, { siteHost, syncToken: token })).toBe(`https://${e.host}${e.path}`)
  })

  it('every captured path is rebuilt from host, site and token alone', () => {
    const built = exchanges.map((e) => {
      const token = /SyncToken=([^&]*)/.exec(e.path)?.[1]
      const options = { siteHost, ...(token === undefined ? {} : { syncToken: token }) }
      return e.path.includes('Filter=changes')
        ? changesUrl(site(e), listId, options)
        : writeUrl(site(e), listId, options)
    })
    expect(built).toEqual(exchanges.map((e) => `https://${e.host}${e.path}`))
  })
})

describe('URL builders follow the first-run table of MS-FILESYNC 3.1.3', () => {
  const server = 'https://contoso-my.sharepoint.com'
  const me = `${server}/personal/ada_contoso_com`
  const lib = 'BE100E28-DD1C-4F2F-8E83-ACDB6FFFFF05'

  it('writes the REST discovery requests as the spec spells them', () => {
    expect(authenticationUrl(`${server}/`)).toBe('https://contoso-my.sharepoint.com/')
    expect(myPropertiesUrl(server)).toBe(`${server}/_api/sp.userprofiles.peoplemanager/getmyproperties`)
    expect(defaultDocumentLibraryIdUrl(`${me}/`)).toBe(`${me}/_api/web/DefaultDocumentLibrary/ID`)
    expect(siteIdUrl(me)).toBe(`${me}/_api/Site/Id`)
  })

  it('puts the list id dashed in the global policy URL and as 32 lowercase hex everywhere else', () => {
    expect(globalPolicyUrl(me, lib)).toBe(`${me}/_api/SPFileSync/sync/be100e28-dd1c-4f2f-8e83-acdb6fffff05/policy/`)
    expect(policyUrl(me, `{${lib}}`)).toBe(`${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/policy/`)
    expect(rootFolderUrl(me, lib)).toBe(`${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/RootFolder`)
    expect(rootFolderUrl(me, lib, { expand: 'QuotaState' })).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/RootFolder?web3s.expand=QuotaState`,
    )
    expect(subscriptionUrl(me, lib)).toBe(`${me}/_api/spfilesync/sync/be100e28dd1c4f2f8e83acdb6fffff05/Subscription`)
  })

  it('writes the folder walk with its paging', () => {
    expect(folderItemsUrl(me, lib, 'eb99ad0e96e64d1fb3547dff4fddbfa0')).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/Items/eb99ad0e96e64d1fb3547dff4fddbfa0?View=SkyDriveSync&Depth=0&FoldersOnly=true&web3s.paging=0,100`,
    )
    expect(
      folderItemsUrl(me, lib, 'EB99AD0E96E64D1FB3547DFF4FDDBFA0', { offset: 100, count: 50, foldersOnly: false }),
    ).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/Items/eb99ad0e96e64d1fb3547dff4fddbfa0?View=SkyDriveSync&Depth=0&FoldersOnly=false&web3s.paging=100,50`,
    )
  })

  it('rebuilds the sync request example of the "sync with the service" page', () => {
    expect(
      changesUrl(me, 'be100e28dd1c4f2f8e83acdb6fffff05', {
        maxItemCount: 50,
        syncToken: '3;#4;#1;3;be100e28-dd1c-4f2f-8e83-acdb6fffff05;636699581579070000;58172;#;#;#4',
      }),
    ).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=50&SyncToken=3;%234;%231;3;be100e28-dd1c-4f2f-8e83-acdb6fffff05;636699581579070000;58172;%23;%23;%234&View=SkyDriveSync`,
    )
  })

  it('leaves out the token on the first enumeration and honours InlineBlobs', () => {
    expect(changesUrl(me, lib, { inlineBlobs: true })).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/RootFolder?Filter=changes&InlineBlobs=true&MaxItemCount=500&View=SkyDriveSync`,
    )
  })

  it('percent-encodes an identifier that is not a GUID rather than failing', () => {
    expect(rootFolderUrl('/personal/a', 'not a/guid')).toBe(
      '/personal/a/_api/SPFileSync/sync/not%20a%2Fguid/RootFolder',
    )
  })
})

describe('URL builders given a lone surrogate (which UTF-8 cannot carry)', () => {
  // Each lone surrogate is written as the three bytes of its code point (U+D800 -> %ED%A0%80), never replaced by
  // U+FFFD: two ids that differ only there stay two URLs, and a server that reads UTF-8 strictly refuses the request.
  const me = 'https://contoso-my.sharepoint.com/personal/ada_contoso_com'
  const lib = 'BE100E28-DD1C-4F2F-8E83-ACDB6FFFFF05'
  it('writes a non-GUID id with a lone surrogate as its code point, keeping pairs and the rest as before', () => {
    expect(changesUrl(me, 'x\uD800')).toBe(
      `${me}/_api/SPFileSync/sync/x%ED%A0%80/RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=500&View=SkyDriveSync`,
    )
    expect(folderItemsUrl(me, lib, '\uDFFFa b\uD83D\uDE00\uDBFF')).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/Items/%ED%BF%BFa%20b%F0%9F%98%80%ED%AF%BF?View=SkyDriveSync&Depth=0&FoldersOnly=true&web3s.paging=0,100`,
    )
    expect(globalPolicyUrl(me, '\uDC00\uD800')).toBe(`${me}/_api/SPFileSync/sync/%ED%B0%80%ED%A0%80/policy/`)
  })

  it('writes a siteHost and an expand with a lone surrogate the same way', () => {
    expect(writeUrl(me, lib, { siteHost: 'h\uD800' })).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/RootFolder?siteHost=h%ED%A0%80&View=SkyDriveSync`,
    )
    expect(rootFolderUrl(me, lib, { expand: '\uDBFF' })).toBe(
      `${me}/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/RootFolder?web3s.expand=%ED%AF%BF`,
    )
  })

  it('keeps ids apart that differ only in a lone surrogate, and apart from U+FFFD', () => {
    const urls = ['a\uD800', 'a\uD801', 'a\uDC00', 'a\uFFFD', 'a'].map((id) => subscriptionUrl(me, id))
    expect(new Set(urls).size).toBe(urls.length)
  })

  it('any UTF-16 id reads back from its ASCII segment, lone surrogates from their three bytes', () => {
    const surrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))
    const unit = fc.oneof(
      surrogate,
      fc.constantFrom('a', '/', ' ', '%', '?', 'é', '\uD83D\uDE00'),
      fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    )
    // The reverse of the builders' rule: the bytes of a surrogate code point (ED A0..BF xx) first, then UTF-8.
    const readBack = (segment: string) =>
      decodeURIComponent(
        segment.replace(/%ED%([AB][0-9A-F])%([89AB][0-9A-F])/g, (_, a: string, b: string) =>
          String.fromCharCode(0xd000 | ((Number.parseInt(a, 16) & 0x3f) << 6) | (Number.parseInt(b, 16) & 0x3f)),
        ),
      )
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), (text) => {
        const id = `~${text}`
        const url = folderItemsUrl(me, lib, id)
        const segment = url.slice(url.indexOf('/Items/') + 7, url.indexOf('?'))
        expect(segment).toMatch(/^[!-~]*$/)
        expect(readBack(segment)).toBe(id)
      }),
      { numRuns: numRuns(300) },
    )
  })
})

describe('encodeSyncToken', () => {
  it('encodes # as %23 and keeps ; and existing escapes', () => {
    expect(encodeSyncToken('4;#4;%231;3')).toBe('4;%234;%231;3')
  })

  it('keeps the 2013 consumer form (already encoded by its client) verbatim', () => {
    const token = 'LM%3d63511875645970%3bID%3d7F095149027848ED!103%3bEP%3d2%3bTD%3dTrue'
    expect(encodeSyncToken(token)).toBe(token)
  })

  it('encodes what would change the query: &, +, space, a stray %, non-ASCII', () => {
    expect(encodeSyncToken('a&b+c d%zz\u00e9')).toBe('a%26b%2Bc%20d%25zz%C3%A9')
  })
})
