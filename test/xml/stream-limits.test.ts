// maxLength in the streaming readers (through streamFileSync): a stream holds one whole element or text at a time,
// and more than maxLength characters without one ends it with a `limit` issue placed where the held text begins.
// Each case has its neighbour under the limit.
import { describe, expect, it } from 'vitest'
import { streamFileSync } from '../../src/filesync/index'
import { collect } from '../support/stream'

const item = (n: number) => `<Document><Name>${'x'.repeat(n)}</Name></Document>`
const SHORT = item(5) // 39 characters
const options = { parse: { maxLength: 50 } }
const kinds = (events: Array<{ type: string }>) => events.map((e) => e.type)
const tooLong = (line: number, column: number) => ({
  type: 'error',
  issues: [
    {
      severity: 'error',
      code: 'limit',
      path: `${line}:${column}`,
      steps: [],
      message: 'more than maxLength (50) characters without a whole element or text; a stream holds one at a time',
      line,
      column,
    },
  ],
})

describe('streamed maxLength', () => {
  it('items under the limit stream, however many', async () => {
    const events = await collect(streamFileSync([`<Items>${SHORT}${SHORT}${SHORT}</Items>`], options))
    expect(kinds(events)).toEqual(['item', 'item', 'item', 'end'])
  })

  it('a whole item longer than the limit, in the same chunk as a short one, fails after it, as in pieces', async () => {
    // The limit counts each unit (an element with the text before it) the same however the text is cut.
    const events = await collect(streamFileSync([`<Items>${SHORT}\n${item(60)}</Items>`], options))
    expect(kinds(events)).toEqual(['item', 'error'])
    expect(events[1]).toEqual(tooLong(1, 47))
  })

  it('an item longer than the limit arriving in pieces fails after the items before it', async () => {
    const long = item(60)
    const events = await collect(
      streamFileSync([`<Items>${SHORT}\n`, long.slice(0, 30), long.slice(30), '</Items>'], options),
    )
    expect(kinds(events)).toEqual(['item', 'error'])
    expect(events[1]).toEqual(tooLong(1, 47))
  })

  it('text longer than the limit between items fails where it begins', async () => {
    const events = await collect(streamFileSync([`<Items>${SHORT}`, ' '.repeat(70), '</Items>'], options))
    expect(events).toEqual([{ type: 'item', item: expect.anything(), path: [0] }, tooLong(1, 47)])
    const shorter = await collect(streamFileSync([`<Items>${SHORT}`, ' '.repeat(40), '</Items>'], options))
    expect(kinds(shorter)).toEqual(['item', 'end'])
  })

  it("a root's start tag longer than the limit fails at the root", async () => {
    const events = await collect(streamFileSync([`<Items${' '.repeat(70)}>${SHORT}</Items>`], options))
    expect(events).toEqual([tooLong(1, 1)])
  })

  it("an opened Folder's start tag longer than the limit fails at the Folder", async () => {
    const folder = (n: number) => ['<Items>', `<Folder${' '.repeat(n)}>`, '<Items/>', '</Folder>', '</Items>']
    expect(kinds(await collect(streamFileSync(folder(20), options)))).toEqual(['item', 'end'])
    expect(await collect(streamFileSync(folder(70), options))).toEqual([tooLong(1, 8)])
  })
})
