// The generated SData sync feed of the SData benches: n entries with syncState, a digest of three endpoints and a
// ~1 KB account payload each (nested lists, sdata:uuid references, escaped text), as a decoded SyncFeed value.
const CONTRACT = 'http://schemas.sage.com/myContract'
const XMLNS = 'http://www.w3.org/2000/xmlns/'
const hex = (n, salt = 0) => ((n * 2654435761 + salt) >>> 0).toString(16).padStart(8, '0')
const uuid = (n) =>
  `${hex(n)}-${hex(n, 1).slice(0, 4)}-4${hex(n, 2).slice(0, 3)}-${hex(n, 3).slice(0, 4)}-${hex(n, 4)}${hex(n, 5).slice(0, 4)}`.toUpperCase()
const stamp = (n) =>
  `2008-10-${String(1 + (n % 28)).padStart(2, '0')}T14:${String(n % 60).padStart(2, '0')}:03.${String(n % 1000).padStart(3, '0')}Z`
const endpoints = [
  'http://www.example.com/sdata/myApp1/myContract/-/accounts',
  'http://www.example.com/sdata/myApp2/myContract/-/accounts',
  'http://www.example.com/sdata/sageApp3/test/-/accounts',
]

const el = (localName, children, attributes = []) => ({
  type: 'element',
  namespace: CONTRACT,
  localName,
  prefix: null,
  attributes,
  children,
})
const leaf = (localName, value) => el(localName, [{ type: 'text', value }])

// An account as the spec's examples show it, grown to ~1 KB of XML: names, addresses, a contact reference, order lines.
function account(i) {
  return el(
    'account',
    [
      leaf('name', `Natural Goods Ltd. & Partners <${i}>`),
      leaf('creditLimit', String(1000 + (i % 97) * 250)),
      el('postalAddress', [leaf('street', `${i} High Street`), leaf('town', 'Newcastle')]),
      el(
        'contact',
        [],
        [
          {
            namespace: 'http://schemas.sage.com/sdata/2008/1',
            localName: 'uuid',
            prefix: 'sdata',
            value: uuid(i + 1_000_000),
          },
        ],
      ),
      el(
        'orderLines',
        [0, 1].map((k) =>
          el(
            'orderLine',
            [
              leaf('lineNumber', String(k + 1)),
              leaf('product', `P-${(i * 7 + k) % 5000}`),
              leaf('orderQty', String(1 + ((i + k) % 9))),
              leaf('unitPrice', '874.7940'),
            ],
            [
              {
                namespace: 'http://schemas.sage.com/sdata/2008/1',
                localName: 'uuid',
                prefix: 'sdata',
                value: uuid(i * 3 + k + 2_000_000),
              },
            ],
          ),
        ),
        [
          {
            namespace: 'http://schemas.sage.com/sdata/2008/1',
            localName: 'deleteMissing',
            prefix: 'sdata',
            value: 'true',
          },
        ],
      ),
    ],
    [{ namespace: XMLNS, localName: 'xmlns', prefix: null, value: CONTRACT }],
  )
}

export function makeFeed(n) {
  const ticks = [0, 0, 0]
  const entries = []
  for (let i = 0; i < n; i++) {
    const e = i % 3
    entries.push({
      id: `http://www.example.com/sdata/myApp1/myContract/-/accounts('${i}')`,
      title: `Account ${i}`,
      updated: stamp(i),
      links: [],
      syncState: { endpoint: endpoints[e], tick: ++ticks[e], stamp: stamp(i) },
      payload: { uuid: uuid(i), isDeleted: i % 50 === 0, element: account(i) },
      diagnoses: [],
      extensions: [],
    })
  }
  return {
    id: "http://www.example.com/sdata/myApp1/myContract/-/accounts/$syncSource('DD052E5C-BFAD-4ffa-8D54-D696E4959497')",
    title: 'Account synchronization feed',
    updated: '2008-03-31T13:46:45Z',
    links: [
      {
        rel: 'next',
        type: 'application/atom+xml; type=feed',
        href: 'http://www.example.com/next?startIndex=10001&count=10000',
      },
    ],
    syncMode: 'catchUp',
    digest: {
      origin: endpoints[0],
      entries: endpoints.map((endpoint, k) => ({
        endpoint,
        tick: ticks[k] + 1,
        stamp: stamp(k),
        conflictPriority: k + 1,
      })),
    },
    diagnoses: [],
    entries,
    extensions: [],
  }
}
