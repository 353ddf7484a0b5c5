// How a project tests captured sync XML with syncwire/testing: register the matchers once, then assert on the
// text. The suite runs this file (test/testing/example.test.ts imports it), so the example cannot go stale.
import { describe, expect, it } from 'vitest'
// In your project: import { DigestXml, FileSyncXml, SyncFeedXml } from 'syncwire' …/filesync, …/sdata
import { FileSyncXml } from '../../src/filesync/index'
import { DigestXml, SyncFeedXml } from '../../src/sdata/index'
// In your project: import { installMatchers } from 'syncwire/testing' — best in a vitest setup file.
import { installMatchers } from '../../src/testing/index'
// Vite's `?raw` gives a file's text in every runtime vitest runs in (Node, edge, browser); `readFileSync` works too.
import folderCreated from '../filesync/spo-2025-02-write-folder-create.response.xml?raw'
import page1 from '../sdata/catch-up-page-1.xml?raw'
import targetDigest from '../sdata/target-digest.xml?raw'

installMatchers(expect)

describe('captured traffic', () => {
  it('the folder-create response from SharePoint is a valid FILESYNC document and survives a round trip', () => {
    expect(folderCreated).toBeValidFileSync()
    expect(folderCreated).toRoundTrip(FileSyncXml)
  })

  it('the CRM catch-up page is a valid source feed, even with warnings treated as failures', () => {
    expect(page1).toBeValidSyncFeed({ role: 'source', strict: true })
    expect(page1).toRoundTrip(SyncFeedXml)
  })

  it('the target digest decodes to the value we expect', () => {
    const erp = 'http://www.example.com/sdata/erp/accounts/-/accounts'
    expect(targetDigest).toDecodeAs(DigestXml, {
      origin: erp,
      entries: [
        { endpoint: erp, tick: 14, stamp: '2026-03-02T11:30:00Z', conflictPriority: 2 },
        {
          endpoint: 'http://www.example.com/sdata/crm/accounts/-/accounts',
          tick: 12,
          stamp: '2026-03-01T18:00:00Z',
          conflictPriority: 2,
        },
        {
          endpoint: 'http://www.example.com/sdata/webshop/accounts/-/accounts',
          tick: 10,
          stamp: '2026-03-01T20:00:00Z',
          conflictPriority: 1,
        },
      ],
    })
  })
})
