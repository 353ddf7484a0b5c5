// An atom:link that carries an attribute the Link value has no member for (one in another namespace, even named as a Link member, or an unknown
// plain one) is not read as a Link, which would drop the attribute: decode → encode keeps it.
import { describe, expect, it } from 'vitest'
import { SyncFeedXml } from '../../src/sdata/index'

const open = (link: string) =>
  `<feed xmlns="http://www.w3.org/2005/Atom" xmlns:x="urn:other"><title>t</title>${link}</feed>`

describe('atom:link attributes the Link value does not hold', () => {
  it.each([
    ['in another namespace', '<link rel="self" href="http://example.com/a" x:title="1"/>', 'x:title="1"'],
    ['unknown, with no namespace', '<link rel="self" href="http://example.com/a" kept="1"/>', 'kept="1"'],
  ])('an attribute %s survives decode and encode', (_, link, attribute) => {
    const decoded = SyncFeedXml.decode(open(link))
    if (decoded._tag !== 'Right') throw new Error('fixture does not decode')
    expect(SyncFeedXml.encode(decoded.right)).toContain(attribute)
  })
})
