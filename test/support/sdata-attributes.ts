// Test helper, not a test file: attributes in the SData and sync namespaces, as a caller's tree would hold them.
import { SDATA_NS, SYNC_NS } from '../../src/sdata/index'
import type { XmlAttribute, XmlElement } from '../../src/xml/index'

/** An `sdata:` attribute. */
export const sd = (localName: string, value: string): XmlAttribute => ({
  namespace: SDATA_NS,
  localName,
  prefix: 'sdata',
  value,
})

/** A `sync:` attribute. */
export const sy = (localName: string, value: string): XmlAttribute => ({
  namespace: SYNC_NS,
  localName,
  prefix: 'sync',
  value,
})

/** A resource element (`<line>` in a caller's namespace) carrying the attributes given. */
export const resourceWith = (...attributes: XmlAttribute[]): XmlElement => ({
  type: 'element',
  namespace: 'urn:c',
  localName: 'line',
  prefix: null,
  attributes,
  children: [],
})
