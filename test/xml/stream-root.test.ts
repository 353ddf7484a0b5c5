// A streamed document whose root closes itself (`<feed/>`): its end is the root's end, with no end tag to read.
// Raised from mutation seed 203006 (src/xml/stream.ts).
import { describe, expect, it } from 'vitest'
import { streamSyncFeed } from '../../src/sdata/index'
import { collect } from '../support/stream'

describe('streamed root that closes itself', () => {
  it('ends as the same feed written with an end tag does', async () => {
    const open = await collect(streamSyncFeed(['<feed xmlns="http://www.w3.org/2005/Atom"></feed>\n']))
    const closed = await collect(streamSyncFeed(['<feed xmlns="http://www.w3.org/2005/Atom"/>\n']))
    expect(open[open.length - 1]!.type).toBe('end')
    expect(closed).toEqual(open)
  })
})
