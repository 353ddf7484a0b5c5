// console.log and util.inspect show a payload element built on first access as the plain object it becomes
// (docs/sdata.md, "Payloads built on first access"), not as [Getter/Setter]; Node only.
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { SyncFeedXml } from '../../src/sdata/index'
import { rightOf } from '../support/decode'

const TEXT =
  '<feed xmlns="http://www.w3.org/2005/Atom" xmlns:sdata="http://schemas.sage.com/sdata/2008/1"><entry><id>x</id>' +
  '<sdata:payload><account xmlns="urn:c" sdata:uuid="u"><name>N</name></account></sdata:payload></entry></feed>'

describe('a lazy payload element under util.inspect', () => {
  it('is shown built, and is a plain object after', () => {
    const lazy = rightOf(SyncFeedXml.decode(TEXT)).entries[0]!.payload!.element
    const built = rightOf(SyncFeedXml.decode(TEXT)).entries[0]!.payload!.element
    void built.children
    const shown = inspect(lazy, { depth: 4 })
    expect(shown).not.toMatch(/Getter|Setter/)
    expect(shown).toBe(inspect(built, { depth: 4 }))
    expect(Reflect.ownKeys(lazy)).toStrictEqual(['type', 'namespace', 'localName', 'prefix', 'attributes', 'children'])
  })
})
