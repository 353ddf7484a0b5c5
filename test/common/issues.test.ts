// The issue helpers every codec shares, through their public entry points: where an issue is printed as
// `file:line:column`, and the one-step path of an issue about an HTTP header.
import { describe, expect, it } from 'vitest'
import { formatLocation } from '../../src/codec/index'
import { parseSyncResponseHeaders } from '../../src/filesync/index'
import { headerFault } from '../support/issues'

describe('formatLocation', () => {
  it('prints the file, then the line and column it knows', () => {
    expect(formatLocation('feed.xml', { line: 12, column: 7 })).toBe('feed.xml:12:7')
    expect(formatLocation('feed.xml', { line: 12 })).toBe('feed.xml:12')
    expect(formatLocation('feed.xml', {})).toBe('feed.xml')
  })
})

describe('issues about HTTP headers', () => {
  it('are located by one header step, the header name as their path', () => {
    const { issues } = parseSyncResponseHeaders({ 'X-HasMoreData': 'maybe' })
    expect(issues).toContainEqual(
      headerFault('error', 'bad-value', 'X-HasMoreData', "expected True or False, found 'maybe'"),
    )
  })
})
