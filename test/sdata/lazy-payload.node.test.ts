// Node's util.inspect (console.log) of payloads built on first access (docs/sdata.md, "Payloads built on first
// access"): an element not read yet shows as the eager decode's does, at any depth, frozen or not.
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { type SyncFeed, SyncFeedXml, syncFeedXml } from '../../src/sdata/index'
import { rightOf } from '../support/decode'

const OnAccess = syncFeedXml(undefined, { payloads: 'on-access' })

const TEXT =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1">' +
  '<entry><id>urn:e1</id><sdata:payload><account xmlns="urn:c" sdata:uuid="u-1" kind="a">' +
  '<name>Goods &amp; Co</name><address><street>1 High Street</street></address></account></sdata:payload></entry>' +
  '</feed>'

const element = (feed: SyncFeed) => feed.entries[0]!.payload!.element

describe('payloads built on first access, inspected', () => {
  it('show as the built element, not as accessors, at every depth', () => {
    const eager = rightOf(SyncFeedXml.decode(TEXT))
    for (const options of [{}, { depth: 0 }, { depth: 1 }, { depth: Infinity }, { showHidden: true }]) {
      const lazy = rightOf(OnAccess.decode(TEXT))
      expect(inspect(element(lazy), options)).toBe(inspect(element(eager), options))
      expect(inspect(rightOf(OnAccess.decode(TEXT)), options)).toBe(inspect(eager, options))
      const frozen = Object.freeze(element(rightOf(OnAccess.decode(TEXT))))
      expect(inspect(frozen, options)).toBe(inspect(element(eager), options))
    }
    expect(inspect(element(rightOf(OnAccess.decode(TEXT))))).not.toContain('Getter')
  })
})
