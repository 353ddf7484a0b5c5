// The flat changes listing of the FILESYNC benches, as SharePoint Online sends it: one folder in ten, documents
// with a content stream, the fsshttpstate extension, identity and label fields.
const hex = (n, salt = 0) => ((n * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0').repeat(4)
const guid = (h) =>
  `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`.toUpperCase()
const bytes = (n) => Uint8Array.from({ length: 20 }, (_, i) => (n * 31 + i * 7) & 255)
const date = (n) => `2025-11-${String(1 + (n % 28)).padStart(2, '0')}T22:06:${String(n % 60).padStart(2, '0')}.0000000Z`

/** A FileSyncDocument: a root folder with `n` items. */
export function makeChangesListing(n) {
  const items = []
  for (let i = 1; i <= n; i++) {
    const id = hex(i)
    const parent = hex(Math.floor(i / 10))
    const common = {
      resourceId: id,
      eTag: `"{${guid(id)}},${1 + (i % 5)}"`,
      dateModified: date(i + 1),
      relationshipName: i % 10 === 3 ? `a&b <${i}>.txt` : `file-${i}.txt`,
      path: `/RootFolder/f${Math.floor(i / 10)}/file-${i}.txt`,
      parentResourceId: parent,
    }
    const identity = { customIdentity: { name: 'SkyDriveSync', value: '078602e5-31f1-41fc-a168-ffff06000000' } }
    if (i % 10 === 0) {
      items.push({
        kind: 'Folder',
        ...common,
        modifierIdentity: identity,
        totalSubItemSize: i * 1000,
        changeTime: date(i),
      })
      continue
    }
    const document = {
      kind: 'Document',
      ...common,
      documentStreams: [{ documentStreamName: 'Binary', dataSize: i * 4099, xorHash: bytes(i) }],
    }
    if (i % 4 === 1) {
      document.extensions = [
        {
          after: 'ParentResourceID',
          element: {
            type: 'element',
            namespace: null,
            localName: 'fsshttpstate.xschema.storage.live.com',
            prefix: null,
            attributes: [],
            children: [
              {
                type: 'element',
                namespace: null,
                localName: 'VersionToken',
                prefix: null,
                attributes: [],
                children: [{ type: 'text', value: 'KgnhZnsBN0y8qh354QbmegUkAAMFRABOAgAA' }],
              },
            ],
          },
        },
      ]
    }
    items.push(document)
  }
  return {
    root: 'Folder',
    folder: {
      kind: 'Folder',
      itemType: 'Folder',
      resourceId: hex(0),
      eTag: hex(0),
      relationshipName: 'RootFolder',
      path: '/RootFolder',
      parentResourceId: hex(99),
      items,
      quotaState: 'Normal',
      spaceUsed: 1841917808,
      spaceGranted: 27487790694400,
    },
  }
}
