// streamFileSync with parse.positions: each item's element (at any depth) and the root's are placed where parseXml
// places them in the whole document, whatever the new lines and cuts; a document that does not decode ends with its
// issues placed as the in-memory decode with positions places them.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { type FileSyncEvent, FileSyncXml, fileSyncXml, reportErrors, streamFileSync } from '../../src/filesync/index'
import { arbFileSyncDocument } from '../../src/testing/arbitraries/index'
import { elementPosition, parseXml, type XmlElement, type XmlNode } from '../../src/xml/index'
import { fixture, fixturesIn } from '../support/fixtures'
import { numRuns } from '../support/runtime'
import { arbCuts, arbDecoration, collect, cutBytes } from '../support/stream'

const POSITIONS = { parse: { positions: true } }
const elementsOf = (nodes: readonly XmlNode[]) => nodes.filter((n): n is XmlElement => n.type === 'element')
const itemsOf = (e: XmlElement) =>
  e.localName === 'Items' ? e : elementsOf(e.children).find((c) => c.localName === 'Items')

/**
 * Each element of `streamed` has the place of its counterpart in `memory`; a streamed `Items` element is empty
 * (its items came as their own events), every other element has all its children.
 */
function expectPlacedAlike(streamed: XmlElement, memory: XmlElement): void {
  expect(elementPosition(memory)).toBeDefined()
  expect(elementPosition(streamed)).toEqual(elementPosition(memory))
  const [a, b] = [elementsOf(streamed.children), elementsOf(memory.children)]
  if (streamed.localName !== 'Items') expect(a.map((e) => e.localName)).toEqual(b.map((e) => e.localName))
  else expect(a).toEqual([])
  for (const [k, child] of a.entries()) expectPlacedAlike(child, b[k]!)
}

function expectPlacedAsInMemory(text: string, events: FileSyncEvent[]): void {
  const memory = fileSyncXml(POSITIONS).decode(text)
  const last = events[events.length - 1]!
  if (memory._tag === 'Left') {
    expect(last.type).toBe('error')
    const inMemory = reportErrors(memory.left)
    for (const issue of last.type === 'error' ? last.issues : []) expect(inMemory).toContainEqual(issue)
    return
  }
  const parsed = parseXml(text, { positions: true })
  if (parsed._tag === 'Left') throw new Error('a document that decodes parses')
  const root = parsed.right.root
  for (const event of events) {
    if (event.type !== 'item') continue
    let element = root
    for (const i of event.path) element = elementsOf(itemsOf(element)!.children)[i]!
    expectPlacedAlike(event.element!, element)
  }
  if (last.type !== 'end') throw new Error('a document that decodes ends with end')
  expectPlacedAlike(last.element!, root)
}

describe('streamFileSync with parse.positions', () => {
  it('places every item of generated documents as parseXml does, cut anywhere', async () => {
    await fc.assert(
      fc.asyncProperty(
        arbFileSyncDocument({ maxDepth: 3, maxItems: 3 }),
        arbDecoration(),
        arbCuts(),
        async (document, decorate, cuts) => {
          const text = decorate(FileSyncXml.encode(document))
          const chunks = cutBytes(text, cuts(new TextEncoder().encode(text).length))
          expectPlacedAsInMemory(text, await collect(streamFileSync(chunks, POSITIONS)))
        },
      ),
      { numRuns: numRuns(20) },
    )
  })

  it('places the corpus, and the issues of an item that does not decode', async () => {
    const paths = fixturesIn('filesync', '.xml')
    expect(paths.length).toBeGreaterThan(3)
    let failing = 0
    for (const path of paths) {
      const text = fixture(path)
      // A bad size in a document stream deep in the listing: that item's issues, placed.
      const bad = text.replace(/<DataSize>/, '<DataSize>x')
      for (const variant of [text, bad]) {
        const events = await collect(streamFileSync(cutBytes(variant, [5, 300, 4000]), POSITIONS))
        if (events[events.length - 1]!.type === 'error') failing++
        expectPlacedAsInMemory(variant, events)
      }
    }
    expect(failing).toBeGreaterThan(1)
  })
})
