// SyncFeedJson and a payload: `$forms` is written only when it records a form (a payload with no forms, or an empty
// record of them, encodes without the member), and native members beside `$resource` stay with the entry.
import { describe, expect, it } from 'vitest'
import { type PayloadForms, type SyncFeed, SyncFeedJson } from '../../src/sdata/index'

function feed(forms: PayloadForms | undefined): SyncFeed {
  const element = { type: 'element', namespace: 'urn:c', localName: 'a', prefix: null, attributes: [], children: [] }
  const payload = { isDeleted: false, element, ...(forms === undefined ? {} : { forms }) }
  return {
    links: [],
    diagnoses: [],
    extensions: [],
    entries: [{ links: [], diagnoses: [], extensions: [], payload }],
  } as SyncFeed
}

const resource = (forms: PayloadForms | undefined) =>
  (SyncFeedJson.encode(feed(forms)) as { $resources: Array<Record<string, unknown>> }).$resources[0]!

describe('SyncFeedJson: a payload $forms', () => {
  it('is left out with no forms or an empty record of them', () => {
    expect(Object.keys(resource(undefined))).not.toContain('$forms')
    expect(Object.keys(resource({}))).not.toContain('$forms')
  })

  it('is written when a form is recorded', () => {
    expect(resource({ url: 'uri' }).$forms).toStrictEqual({ url: 'uri' })
  })
})

describe('SyncFeedJson: native members beside $resource', () => {
  it('are kept by the entry, not dropped, when $resource holds the payload', () => {
    const json = { $resources: [{ $resource: { name: 'a', namespace: 'urn:c' }, note: 'kept' }] }
    const decoded = SyncFeedJson.decode(json)
    if (decoded._tag !== 'Right') throw new Error('fixture does not decode')
    expect(SyncFeedJson.encode(decoded.right)).toStrictEqual(json)
  })
})
