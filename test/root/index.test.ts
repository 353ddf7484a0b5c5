import { describe, expect, it } from 'vitest'
import * as conflict from '../../src/conflict/index'
import * as filesync from '../../src/filesync/index'
import * as root from '../../src/index'
import * as sdata from '../../src/sdata/index'
import * as session from '../../src/session/index'
import * as xml from '../../src/xml/index'

describe('the root entry point', () => {
  it('re-exports every public module except the CLI and the testing kit', () => {
    for (const mod of [conflict, filesync, sdata, session, xml]) {
      for (const [name, value] of Object.entries(mod)) expect(root, name).toHaveProperty(name, value)
    }
  })

  it('exposes one reportErrors, the same function in every module that decodes', () => {
    expect(filesync.reportErrors).toBe(sdata.reportErrors)
    expect(root.reportErrors).toBe(sdata.reportErrors)
  })

  it('decodes through the root as through the subpaths', () => {
    const decoded = root.DigestXml.decode(
      '<digest xmlns="http://schemas.sage.com/sdata/sync/2008/1"><digestEntry><endpoint>e</endpoint><tick>3</tick><stamp>2025-01-01T00:00:00Z</stamp><conflictPriority>1</conflictPriority></digestEntry></digest>',
    )
    expect(decoded._tag).toBe('Right')
    if (decoded._tag === 'Right') expect(decoded.right.entries[0]?.tick).toBe(3)
  })
})
