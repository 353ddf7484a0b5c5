// streamSyncFeedJson with `at`: only the feed's own `$resources` member streams entry by entry; the feed's other
// members below the envelope at the same depth (its links here) are read whole.
import { describe, expect, it } from 'vitest'
import { SyncFeedJson, streamSyncFeedJson } from '../../src/sdata/index'
import { collect } from '../support/stream'

const E = 'http://example.com/sdata/app/-/accounts'

describe('streamSyncFeedJson inside an envelope', () => {
  it('streams $resources only, and reads the feed members beside it whole', async () => {
    const feed = {
      $url: E,
      $links: [{ rel: 'self', href: E }],
      $syncMode: 'catchUp',
      $resources: [{ $url: `${E}('1')` }, { $url: `${E}('2')` }],
    }
    const decoded = SyncFeedJson.decode(feed)
    if (decoded._tag !== 'Right') throw new Error('fixture does not decode')
    const text = JSON.stringify({ kind: 'feed', value: feed })
    const events = await collect(streamSyncFeedJson([text], { at: ['value'] }))
    expect(events.map((e) => e.type)).toStrictEqual(['head', 'entry', 'entry', 'end'])
    const end = events[events.length - 1]
    if (end?.type !== 'end') throw new Error('no end event')
    expect(end.feed.links).toStrictEqual(decoded.right.links)
    expect(end.feed.links).toHaveLength(1)
  })
})
