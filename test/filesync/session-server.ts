// An in-memory FILESYNC server for the session tests: a growing change history served page by page, with faults.
// Runtime-neutral (no Node APIs); answers are built with the library's own encoder, in SharePoint Online's form.

import type { DocumentItem, FileSyncRequest, FileSyncResponse, FolderItem } from '../../src/filesync/index'
import { FileSyncXml, fileSyncXml } from '../../src/filesync/index'

/** The library id of the captures. */
export const LIBRARY = '5d2445a6-f48d-4f6c-b190-640d11e29a93'
/** A consumer OneDrive site, as in the captures. */
export const SITE = 'https://my.microsoftpersonalcontent.com/personal/FB0E114B901691BD'

/** A token in SharePoint Online's form whose change number is `n` (the count of changes the client has seen). */
export function tokenAt(n: number): string {
  return `4;%234;%231;3;${LIBRARY};638981499974730000;${n};%23;%23;%230;%23`
}

function positionOf(token: string): number | undefined {
  const m = /^4;%234;%231;3;[0-9a-f-]+;\d+;(\d+);%23;%23;%230;%23$/.exec(token)
  return m ? Number(m[1]) : undefined
}

/** The n-th change of a history: a document with its own ResourceID. */
export function change(n: number): DocumentItem {
  const id = n.toString(16).padStart(32, '0')
  return {
    kind: 'Document',
    itemType: 'Document',
    resourceId: id,
    eTag: `"{${id.slice(0, 8).toUpperCase()}-0000-0000-0000-000000000000},1"`,
    relationshipName: `file-${n}.txt`,
    path: `/RootFolder/file-${n}.txt`,
    parentResourceId: 'f0ce10dfa5334200b28631f7d2066eab',
  }
}

const ROOT: FolderItem = {
  kind: 'Folder',
  itemType: 'Folder',
  resourceId: 'f0ce10dfa5334200b28631f7d2066eab',
  eTag: 'f0ce10dfa5334200b28631f7d2066eab',
  relationshipName: 'RootFolder',
  path: '/RootFolder',
  parentResourceId: '5d2445a6f48d4f6cb190640d11e29a93',
}

/** How the server spoils one answer. */
export type Fault =
  | 'none'
  | 'bad-body'
  | 'bad-utf8'
  | 'missing-token'
  | 'missing-status'
  | 'throttle-seconds'
  | 'throttle-date'
  | 'unavailable'
  | 'server-error'

const SPO = fileSyncXml({ bom: true })

/** A server holding a change history; `answer` serves a changes query as SharePoint Online would. */
export class ChangesServer {
  readonly history: DocumentItem[] = []
  readonly requests: FileSyncRequest[] = []
  /** Epoch ms the server's `Date`-style Retry-After values are based on. */
  clock = Date.UTC(2025, 10, 7, 22, 6, 37)

  append(count: number): void {
    for (let i = 0; i < count; i++) this.history.push(change(this.history.length + 1))
  }

  answer(request: FileSyncRequest, fault: Fault = 'none'): FileSyncResponse {
    this.requests.push(request)
    const url = new URL(request.url)
    const rawToken = /[?&]SyncToken=([^&]*)/.exec(url.search)?.[1]
    const max = Number(url.searchParams.get('MaxItemCount') ?? '500')
    const from = rawToken === undefined ? 0 : positionOf(rawToken)
    if (url.searchParams.get('Filter') !== 'changes' || from === undefined || from > this.history.length)
      return { status: 400, headers: {}, body: 'bad request' }
    switch (fault) {
      case 'throttle-seconds':
        return { status: 429, headers: { 'Retry-After': '7' }, body: '' }
      case 'throttle-date':
        return {
          status: 503,
          headers: { 'Retry-After': new Date(this.clock + 42_000).toUTCString() },
          body: '',
        }
      case 'unavailable':
        return { status: 503, headers: {}, body: '' }
      case 'server-error':
        return { status: 500, headers: {}, body: '<m:error/>' }
      default:
    }
    const page = this.history.slice(from, from + Math.max(1, max))
    const to = from + page.length
    const status = rawToken === undefined ? 'FullData' : page.length === 0 ? 'NoChanges' : 'IncrementalChanges'
    const headers: Record<string, string> = {
      'Content-Type': 'Application/Web3s+xml',
      'X-SyncStatus': status,
      'X-SyncToken': tokenAt(to),
      'X-QuotaState': 'Normal',
      'X-ListLevelQuotaState': 'Normal',
    }
    if (to < this.history.length) headers['X-HasMoreData'] = 'True'
    if (fault === 'missing-token') delete headers['X-SyncToken']
    if (fault === 'missing-status') delete headers['X-SyncStatus']
    const xml = SPO.encode({ root: 'Folder', folder: { ...ROOT, items: page } })
    if (fault === 'bad-body') return { status: 200, headers, body: xml.slice(0, Math.floor(xml.length / 2)) }
    const bytes = new TextEncoder().encode(xml)
    if (fault === 'bad-utf8') bytes[Math.floor(bytes.length / 2)] = 0xff
    return { status: 200, headers, body: bytes }
  }
}

/** The ResourceIDs of decoded items, for comparing with a history. */
export function ids(items: ReadonlyArray<{ kind: string; resourceId?: string }>): Array<string | undefined> {
  return items.map((i) => i.resourceId)
}

/** The canonical text of items, to compare what a client got with what the server holds. */
export function text(items: ReadonlyArray<DocumentItem | FolderItem>): string {
  return FileSyncXml.encode({ root: 'Items', items: [...items] })
}
