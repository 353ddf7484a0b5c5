// The nested FILESYNC listing the streaming benches decode: `width` items per folder, one in four a folder, down
// to `depth` levels; documents with a date and one content stream.

/** A FileSyncDocument of `depth` levels of folders with `width` items each. */
export function makeListing(depth, width) {
  let count = 0
  const folder = (d) => {
    const items = []
    for (let i = 0; i < width; i++) {
      const n = count++
      const common = {
        resourceId: n.toString(16).padStart(32, '0'),
        eTag: `"{${n}},1"`,
        relationshipName: `item ${n} é`,
      }
      if (d > 0 && i % 4 === 0) items.push({ kind: 'Folder', ...common, items: folder(d - 1) })
      else
        items.push({
          kind: 'Document',
          ...common,
          dateModified: '2025-11-20T22:06:41.0000000Z',
          documentStreams: [{ documentStreamName: 'Binary', dataSize: n * 4099, preAuthUrl: `https://x/${n}` }],
        })
    }
    return items
  }
  return { root: 'Folder', folder: { kind: 'Folder', resourceId: 'root', items: folder(depth) } }
}
