// The large SData feed the memory benches stream from disk: unique uuids, increasing ticks per endpoint, a ~0.5 KB
// payload per entry and the digest after the entries, so the feed is valid and its late digest is checked.
import { createWriteStream } from 'node:fs'

const CONTRACT = 'http://schemas.sage.com/myContract'
const endpoint = (n) => `http://www.example.com/sdata/myApp${n % 3}/myContract/-/accounts`
const stamp = (n) => `2008-10-${String(1 + (n % 28)).padStart(2, '0')}T14:${String(n % 60).padStart(2, '0')}:03Z`

// One entry with a ~0.5 KB payload; entry i has tick i + 1 at its endpoint and its own uuid. With `zoneless`, its
// sync:stamp has no time zone (a warning per entry).
function entry(i, zoneless) {
  const uuid = `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`
  const lines = [0, 1]
    .map(
      (k) =>
        `<orderLine><product>P-${(i * 7 + k) % 5000}</product><orderQty>${1 + ((i + k) % 9)}</orderQty></orderLine>`,
    )
    .join('')
  return (
    `<entry><id>http://www.example.com/sdata/myApp1/myContract/-/accounts('${i}')</id><title>Account ${i}</title>` +
    `<updated>${stamp(i)}</updated><sync:syncState><sync:endpoint>${endpoint(i)}</sync:endpoint>` +
    `<sync:tick>${i + 1}</sync:tick><sync:stamp>${zoneless ? stamp(i).slice(0, -1) : stamp(i)}</sync:stamp></sync:syncState><sdata:payload>` +
    `<account xmlns="${CONTRACT}" sdata:uuid="${uuid}"><name>Natural Goods Ltd. &amp; Partners &lt;${i}&gt; — é€</name>` +
    `<creditLimit>${1000 + (i % 97) * 250}</creditLimit><postalAddress><street>${i} High Street</street>` +
    `<town>Newcastle</town></postalAddress><orderLines>${lines}</orderLines></account></sdata:payload></entry>\n`
  )
}

/**
 * Writes a valid feed of about `mb` MiB to `file`; returns its number of entries. With `zoneless`, every entry's
 * sync:stamp lacks its time zone: still valid, with one warning per entry.
 */
export async function writeFeed(file, mb, zoneless = false) {
  const out = createWriteStream(file)
  const write = (s) => new Promise((resolve) => (out.write(s) ? resolve() : out.once('drain', resolve)))
  await write(
    '<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom" ' +
      'xmlns:sdata="http://schemas.sage.com/sdata/2008/1" xmlns:sync="http://schemas.sage.com/sdata/sync/2008/1">\n' +
      '<id>urn:feed</id><title>Accounts</title><sync:syncMode>catchUp</sync:syncMode>\n',
  )
  let n = 0
  let bytes = 0
  const limit = mb * 1024 * 1024
  while (bytes < limit) {
    let block = ''
    for (let k = 0; k < 1000; k++) block += entry(n++, zoneless)
    bytes += Buffer.byteLength(block)
    await write(block)
  }
  // The digest after the entries: its ticks are the next ones per endpoint (the feed is then valid).
  const digest = [0, 1, 2]
    .map((e) => {
      let last = 0
      for (let i = e; i < n; i += 3) last = i + 1
      return `<sync:digestEntry><sync:endpoint>${endpoint(e)}</sync:endpoint><sync:tick>${last + 1}</sync:tick><sync:stamp>2008-10-31T00:00:00Z</sync:stamp><sync:conflictPriority>1</sync:conflictPriority></sync:digestEntry>`
    })
    .join('')
  await write(`<sync:digest><sync:origin>${endpoint(1)}</sync:origin>${digest}</sync:digest>\n</feed>\n`)
  await new Promise((resolve) => out.end(resolve))
  return n
}
