import { describe, expect, it } from 'vitest'
import * as codec from '../../src/codec/index'
import * as conflict from '../../src/conflict/index'
import * as filesync from '../../src/filesync/index'
import * as root from '../../src/index'
import * as sdata from '../../src/sdata/index'
import * as session from '../../src/session/index'
import * as xml from '../../src/xml/index'

describe('the root entry point', () => {
  it('re-exports every public module except the CLI and the testing kit', () => {
    for (const mod of [codec, conflict, filesync, sdata, session, xml]) {
      for (const [name, value] of Object.entries(mod)) expect(root, name).toHaveProperty(name, value)
    }
  })

  it('exports nothing that no public module exports', () => {
    const published = new Set([codec, conflict, filesync, sdata, session, xml].flatMap((m) => Object.keys(m)))
    expect(Object.keys(root).filter((name) => !published.has(name))).toEqual([])
  })

  it('exposes one reportErrors, the same function in every module that decodes', () => {
    expect(filesync.reportErrors).toBe(sdata.reportErrors)
    expect(codec.reportErrors).toBe(sdata.reportErrors)
    expect(root.reportErrors).toBe(sdata.reportErrors)
  })

  // The plumbing of the codec kit and the parser stays internal: io-ts context markers, path printing, the name
  // table, anchors, the lexical checkers. Users get reportErrors and the combinators instead.
  it.each([
    'insertEntry',
    'xmlStep',
    'isXmlStep',
    'textPosition',
    'isTextPosition',
    'NameTable',
    'nameList',
    'showName',
    'pathOf',
    'describeValue',
    'xmlErrorsToIssues',
    'leafText',
    'anchorOf',
    'withAnchor',
    'base64Problem',
    'dateTimeProblem',
    'parseDateTime',
    'jsonPathOf',
  ])('does not export the internal %s from any entry point', (name) => {
    for (const mod of [root, codec, conflict, filesync, sdata, session, xml]) expect(mod, name).not.toHaveProperty(name)
  })

  it('keeps the XML layer apart from the codec kit: syncwire/xml has no combinator, syncwire/codec no parser', () => {
    expect(Object.keys(xml).sort()).toEqual([
      'DEFAULT_LIMITS',
      'SNIFF_BYTES',
      'XMLNS_NAMESPACE',
      'XML_NAMESPACE',
      'decodeBytes',
      'elementAtSteps',
      'elementPosition',
      'elementText',
      'escapeAttribute',
      'escapeText',
      'isElement',
      'isXmlInput',
      'malformedOffset',
      'parseXml',
      'qualifiedName',
      'serializeXml',
      'serializeXmlStream',
      'sniffEncoding',
    ])
    expect(codec).not.toHaveProperty('parseXml')
    expect(codec).toHaveProperty('element')
    expect(codec).toHaveProperty('fromXml')
  })

  it('decodes through the root as through the subpaths', () => {
    const decoded = root.DigestXml.decode(
      '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><digestEntry><endpoint>e</endpoint><tick>3</tick><stamp>2025-01-01T00:00:00Z</stamp><conflictPriority>1</conflictPriority></digestEntry></digest>',
    )
    expect(decoded._tag).toBe('Right')
    if (decoded._tag === 'Right') expect(decoded.right.entries[0]?.tick).toBe(3)
  })
})
