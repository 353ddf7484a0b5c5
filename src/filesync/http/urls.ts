// Request URLs of the FILESYNC first run and of the sync (changes and write) requests, built as plain strings.
// MS-FILESYNC 3.1.3 (first-run table) and the "sync with the service" page; forms checked against SPO captures.

import { encodeComponent } from '../../common/uri'
import { guidForms } from './guid'

/**
 * Options shared by the requests that go to the sync endpoint `…/_api/SPFileSync/sync/<list id>/…`.
 *
 * @example
 * ```ts
 * const options: SyncUrlOptions = { siteHost: 'my.microsoftpersonalcontent.com' }
 * ```
 */
export interface SyncUrlOptions {
  /**
   * The `siteHost` query parameter that consumer OneDrive (hosted on SharePoint Online) puts first in the
   * query; omitted when undefined.
   */
  siteHost?: string
}

/**
 * Options of {@link changesUrl}.
 *
 * @example
 * ```ts
 * const options: ChangesUrlOptions = { syncToken: '4;%234;%231;3;…', maxItemCount: 500 }
 * ```
 */
export interface ChangesUrlOptions extends SyncUrlOptions {
  /** The token from the last `X-SyncToken` header, as received; omitted on the very first enumeration. */
  syncToken?: string
  /** `MaxItemCount`, the page size (default 500, as the 2025 client sends). */
  maxItemCount?: number
  /** `InlineBlobs` (default `false`: contents are fetched through `PreAuthURL`). */
  inlineBlobs?: boolean
}

/**
 * Options of {@link writeUrl}.
 *
 * @example
 * ```ts
 * const options: WriteUrlOptions = { syncToken: '4;%234;%231;3;…' }
 * ```
 */
export interface WriteUrlOptions extends SyncUrlOptions {
  /** The current sync token; the client sends it on metadata writes (folder create), not on uploads. */
  syncToken?: string
}

/**
 * Options of {@link folderItemsUrl} (the first-run folder walk).
 *
 * @example
 * ```ts
 * const options: FolderItemsUrlOptions = { depth: 0, foldersOnly: true, offset: 0, count: 100 }
 * ```
 */
export interface FolderItemsUrlOptions extends SyncUrlOptions {
  /** `Depth` (default 0). */
  depth?: number
  /** `FoldersOnly` (default `true`). */
  foldersOnly?: boolean
  /** First item of the page, the first number of `web3s.paging` (default 0). */
  offset?: number
  /** Page size, the second number of `web3s.paging` (default 100). */
  count?: number
}

function trimSlash(url: string): string {
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 0x2f) end--
  return url.slice(0, end)
}

function hexId(id: string): string {
  return guidForms(id)?.hex ?? encodeComponent(id)
}

function dashedId(id: string): string {
  return guidForms(id)?.dashed ?? encodeComponent(id)
}

function syncBase(siteUrl: string, libraryId: string): string {
  return `${trimSlash(siteUrl)}/_api/SPFileSync/sync/${hexId(libraryId)}`
}

function siteHostParam(options: SyncUrlOptions | undefined): string[] {
  return options?.siteHost === undefined ? [] : [`siteHost=${encodeComponent(options.siteHost)}`]
}

function query(params: string[]): string {
  return params.length === 0 ? '' : `?${params.join('&')}`
}

function count(n: number | undefined, fallback: number): string {
  return String(n !== undefined && Number.isSafeInteger(n) && n >= 0 ? n : fallback)
}

/**
 * Puts a sync token into a query the way the server hands it out and the client sends it back: verbatim, except
 * `#` (which would end the URL) as `%23`, and `&`, `+`, spaces, controls and non-ASCII characters, which would
 * change the query's meaning, percent-encoded. `%` stays as is when it already starts an escape, because the
 * `X-SyncToken` header carries the token in its encoded form (`4;%234;%231;…`); `;` is never encoded.
 *
 * @example
 * ```ts
 * encodeSyncToken('4;#4;#1;3') // '4;%234;%231;3'
 * encodeSyncToken('4;%234')    // '4;%234' (already encoded, kept)
 * ```
 */
export function encodeSyncToken(token: string): string {
  let out = ''
  for (let i = 0; i < token.length; i++) {
    const ch = token[i]!
    const c = token.charCodeAt(i)
    if (ch === '%') {
      out += /^[0-9A-Fa-f]{2}$/.test(token.slice(i + 1, i + 3)) ? '%' : '%25'
    } else if (ch === '#' || ch === '&' || ch === '+' || c <= 0x20 || c === 0x7f) {
      out += `%${c.toString(16).toUpperCase().padStart(2, '0')}`
    } else if (c >= 0x80) {
      // A surrogate pair is one character; a lone surrogate becomes U+FFFD and the next unit is read on its own.
      const d = token.charCodeAt(i + 1)
      const isPair = c >= 0xd800 && c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff
      if (isPair) {
        out += encodeURIComponent(token.slice(i, i + 2))
        i++
      } else if (c >= 0xd800 && c <= 0xdfff) out += '%EF%BF%BD'
      else out += encodeURIComponent(ch)
    } else {
      out += ch
    }
  }
  return out
}

/**
 * The first request of the first run (3.1.3): `GET https://<serverurl>/`, which starts authentication.
 *
 * @example
 * ```ts
 * authenticationUrl('https://contoso.sharepoint.com') // 'https://contoso.sharepoint.com/'
 * ```
 */
export function authenticationUrl(serverUrl: string): string {
  return `${trimSlash(serverUrl)}/`
}

/**
 * `GET https://<serverurl>/_api/sp.userprofiles.peoplemanager/getmyproperties` (3.1.3), spelled as the spec
 * table does; the answer gives `PersonalUrl`, see `decodeMyProperties`.
 *
 * @example
 * ```ts
 * myPropertiesUrl('https://contoso-my.sharepoint.com')
 * // 'https://contoso-my.sharepoint.com/_api/sp.userprofiles.peoplemanager/getmyproperties'
 * ```
 */
export function myPropertiesUrl(serverUrl: string): string {
  return `${trimSlash(serverUrl)}/_api/sp.userprofiles.peoplemanager/getmyproperties`
}

/**
 * `GET <site>/_api/web/DefaultDocumentLibrary/ID` (3.1.3): the id of the library to sync.
 *
 * @example
 * ```ts
 * defaultDocumentLibraryIdUrl('https://contoso-my.sharepoint.com/personal/ada_contoso_com')
 * // 'https://contoso-my.sharepoint.com/personal/ada_contoso_com/_api/web/DefaultDocumentLibrary/ID'
 * ```
 */
export function defaultDocumentLibraryIdUrl(siteUrl: string): string {
  return `${trimSlash(siteUrl)}/_api/web/DefaultDocumentLibrary/ID`
}

/**
 * `GET <site>/_api/Site/Id` (3.1.3): the site collection id.
 *
 * @example
 * ```ts
 * siteIdUrl('https://contoso-my.sharepoint.com/personal/ada_contoso_com')
 * // 'https://contoso-my.sharepoint.com/personal/ada_contoso_com/_api/Site/Id'
 * ```
 */
export function siteIdUrl(siteUrl: string): string {
  return `${trimSlash(siteUrl)}/_api/Site/Id`
}

/**
 * The global client policy (3.1.3, first policy row): the list id goes in its dashed form there.
 *
 * @example
 * ```ts
 * globalPolicyUrl('https://h/personal/a', '5d2445a6f48d4f6cb190640d11e29a93')
 * // 'https://h/personal/a/_api/SPFileSync/sync/5d2445a6-f48d-4f6c-b190-640d11e29a93/policy/'
 * ```
 */
export function globalPolicyUrl(siteUrl: string, libraryId: string): string {
  return `${trimSlash(siteUrl)}/_api/SPFileSync/sync/${dashedId(libraryId)}/policy/`
}

/**
 * The server-specific client policy (3.1.3, second policy row; the one AADInternals fetches): a
 * `PolicyDocument`, decoded by `PolicyXml`.
 *
 * @example
 * ```ts
 * policyUrl('https://h/personal/a', '5d2445a6-f48d-4f6c-b190-640d11e29a93')
 * // 'https://h/personal/a/_api/SPFileSync/sync/5d2445a6f48d4f6cb190640d11e29a93/policy/'
 * ```
 */
export function policyUrl(siteUrl: string, libraryId: string, options?: SyncUrlOptions): string {
  return `${syncBase(siteUrl, libraryId)}/policy/${query(siteHostParam(options))}`
}

/**
 * The root folder's properties (3.1.3), or with `expand: 'QuotaState'` the quota request of the same table
 * (`RootFolder?web3s.expand=QuotaState`).
 *
 * @example
 * ```ts
 * rootFolderUrl('https://h/personal/a', '5d2445a6f48d4f6cb190640d11e29a93', { expand: 'QuotaState' })
 * // 'https://h/personal/a/_api/SPFileSync/sync/5d2445a6f48d4f6cb190640d11e29a93/RootFolder?web3s.expand=QuotaState'
 * ```
 */
export function rootFolderUrl(
  siteUrl: string,
  libraryId: string,
  options?: SyncUrlOptions & { expand?: string },
): string {
  const params = siteHostParam(options)
  if (options?.expand !== undefined) params.push(`web3s.expand=${encodeComponent(options.expand)}`)
  return `${syncBase(siteUrl, libraryId)}/RootFolder${query(params)}`
}

/**
 * One page of the first-run folder walk (3.1.3): `Items/<resource id>?View=SkyDriveSync&Depth=0&FoldersOnly=true&web3s.paging=0,100`.
 *
 * @example
 * ```ts
 * folderItemsUrl('https://h/personal/a', 'be100e28dd1c4f2f8e83acdb6fffff05', 'eb99ad0e96e64d1fb3547dff4fddbfa0')
 * // 'https://h/personal/a/_api/SPFileSync/sync/be100e28dd1c4f2f8e83acdb6fffff05/Items/eb99ad0e96e64d1fb3547dff4fddbfa0?View=SkyDriveSync&Depth=0&FoldersOnly=true&web3s.paging=0,100'
 * ```
 */
export function folderItemsUrl(
  siteUrl: string,
  libraryId: string,
  resourceId: string,
  options?: FolderItemsUrlOptions,
): string {
  const params = siteHostParam(options)
  params.push(
    'View=SkyDriveSync',
    `Depth=${count(options?.depth, 0)}`,
    `FoldersOnly=${options?.foldersOnly === false ? 'false' : 'true'}`,
    `web3s.paging=${count(options?.offset, 0)},${count(options?.count, 100)}`,
  )
  return `${syncBase(siteUrl, libraryId)}/Items/${hexId(resourceId)}${query(params)}`
}

/**
 * The changes query, the heart of every sync pass: `RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=500&SyncToken=…&View=SkyDriveSync`,
 * parameters in the order the SkyDriveSync client sends them. Keep calling with the `X-SyncToken` of each answer
 * while `X-HasMoreData` is true.
 *
 * @example
 * ```ts
 * changesUrl('https://h/personal/a', '5d2445a6-f48d-4f6c-b190-640d11e29a93', { syncToken: '4;%234;%231;3' })
 * // 'https://h/personal/a/_api/SPFileSync/sync/5d2445a6f48d4f6cb190640d11e29a93/RootFolder?Filter=changes&InlineBlobs=false&MaxItemCount=500&SyncToken=4;%234;%231;3&View=SkyDriveSync'
 * ```
 */
export function changesUrl(siteUrl: string, libraryId: string, options?: ChangesUrlOptions): string {
  const params = siteHostParam(options)
  params.push(
    'Filter=changes',
    `InlineBlobs=${options?.inlineBlobs === true ? 'true' : 'false'}`,
    `MaxItemCount=${count(options?.maxItemCount, 500)}`,
  )
  if (options?.syncToken !== undefined) params.push(`SyncToken=${encodeSyncToken(options.syncToken)}`)
  params.push('View=SkyDriveSync')
  return `${syncBase(siteUrl, libraryId)}/RootFolder${query(params)}`
}

/**
 * The write request (`POST`, body an `Items` document or a multipart upload): `RootFolder?View=SkyDriveSync[&SyncToken=…]`.
 *
 * @example
 * ```ts
 * writeUrl('https://h/personal/a', '5d2445a6f48d4f6cb190640d11e29a93')
 * // 'https://h/personal/a/_api/SPFileSync/sync/5d2445a6f48d4f6cb190640d11e29a93/RootFolder?View=SkyDriveSync'
 * ```
 */
export function writeUrl(siteUrl: string, libraryId: string, options?: WriteUrlOptions): string {
  const params = siteHostParam(options)
  params.push('View=SkyDriveSync')
  if (options?.syncToken !== undefined) params.push(`SyncToken=${encodeSyncToken(options.syncToken)}`)
  return `${syncBase(siteUrl, libraryId)}/RootFolder${query(params)}`
}

/**
 * The push-notification subscription (`POST`, 3.1.3), spelled `spfilesync` in lower case as in the spec table.
 *
 * @example
 * ```ts
 * subscriptionUrl('https://h/personal/a', '5d2445a6f48d4f6cb190640d11e29a93')
 * // 'https://h/personal/a/_api/spfilesync/sync/5d2445a6f48d4f6cb190640d11e29a93/Subscription'
 * ```
 */
export function subscriptionUrl(siteUrl: string, libraryId: string): string {
  return `${trimSlash(siteUrl)}/_api/spfilesync/sync/${hexId(libraryId)}/Subscription`
}
