// A kit record compiled by the one XML compiler: wider than the 31 children a bit mask of seen children could track,
// each field still read once, a second occurrence kept as unknown content after its sibling, written back in place.
import * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { anchoredUnknownChildren, child, element, qname, record, text } from '../../src/codec/index'
import { serializeXml } from '../../src/xml/index'
import { decoded, decodeIssues, rootOf } from '../support/decode'

const WIDTH = 40
const fields: Record<string, ReturnType<typeof child<string>>> = {}
for (let i = 0; i < WIDTH; i++) fields[`f${i}`] = child(qname(null, `f${i}`), text(t.string))
const Wide = element(qname(null, 'wide'), record({ ...fields, rest: anchoredUnknownChildren() }, 'Wide'))

const body = (extra: string) =>
  Array.from({ length: WIDTH }, (_, i) => `<f${i}>v${i}</f${i}>${i === 35 ? extra : ''}`).join('')

describe('a kit record through the one XML compiler', () => {
  it('reads every one of 40 fields once and keeps a second occurrence of the 36th as unknown, in place', () => {
    const xml = `<wide>${body('<f35>again</f35>')}</wide>`
    const value = decoded(Wide, rootOf(xml)) as Record<string, unknown>
    expect(value.f0).toBe('v0')
    expect(value.f35).toBe('v35')
    expect(value.f39).toBe('v39')
    expect(value.rest).toEqual([{ after: 'f35', element: expect.objectContaining({ localName: 'f35' }) }])
    expect(serializeXml({ root: Wide.encode(value as t.TypeOf<typeof Wide>) }, { declaration: false })).toBe(xml)
  })

  it('reports each missing field of the 40 in field order', () => {
    const xml = `<wide>${body('').replace('<f33>v33</f33>', '').replace('<f2>v2</f2>', '')}</wide>`
    expect(decodeIssues(Wide, rootOf(xml)).map((i) => i.message)).toEqual([
      'expected element f2, found none',
      'expected element f33, found none',
    ])
  })
})
