// Entry checks on the members decoding keeps as extensions: a nil `sync:syncState` and a second `sdata:payload`.
// Implements sync §4.3/§4.4 (one syncState and one payload per entry) for validation; decoding keeps both as written.
import type { XmlElement } from '../xml/types'
import { isNilElement } from './entry'
import type { SyncEntry } from './model'
import { SDATA_NS, SYNC_NS } from './namespaces'

/**
 * One finding of {@link entryExtensionChecks}, before it is added to the validation issues.
 *
 * @example
 * ```ts
 * const f: EntryFinding = { severity: 'warning', path: '/entry/sync:syncState', message: '…' }
 * ```
 */
export interface EntryFinding {
  /** `error` breaks a MUST, `warning` is a lenient form. */
  severity: 'error' | 'warning'
  /** Where, as an XML path. */
  path: string
  /** What. */
  message: string
}

const isElement = (x: unknown): x is XmlElement =>
  x !== null && typeof x === 'object' && (x as XmlElement).type === 'element'

/**
 * Checks an entry's kept extensions:
 * - a nil `sync:syncState` (`xsi:nil="true"`, as Sage's adapters write on `$syncDigest` entries) is a **warning**:
 *   decoding reads it as no state and writes it back unchanged;
 * - a second `sdata:payload` is an **error**: an entry carries one payload (sync §4.4), decoding reads only the first,
 *   and a sync engine would apply that one and silently drop whatever the other holds, which may be the real data.
 *
 * @example
 * ```ts
 * entryExtensionChecks('/entry', entry) // [{ severity: 'error', path: '/entry/sdata:payload[2]', … }]
 * ```
 */
export function entryExtensionChecks(base: string, entry: SyncEntry): EntryFinding[] {
  const out: EntryFinding[] = []
  const extensions = Array.isArray(entry.extensions) ? entry.extensions.filter(isElement) : []
  const hasPayload = entry.payload !== undefined || entry.digest !== undefined
  let payloads = hasPayload ? 1 : 0
  for (const x of extensions) {
    if (x.namespace === SYNC_NS && x.localName === 'syncState' && isNilElement(x)) {
      out.push({
        severity: 'warning',
        path: `${base}/sync:syncState`,
        message: 'the sync:syncState is nil (xsi:nil="true"); it is read as no state and written back as it is',
      })
    } else if (x.namespace === SDATA_NS && x.localName === 'payload') {
      payloads++
      if (payloads > 1) {
        out.push({
          severity: 'error',
          path: `${base}/sdata:payload[${payloads}]`,
          message: `the entry has ${payloads} sdata:payload elements; an entry carries one (sync §4.4) and only the first is read`,
        })
      }
    }
  }
  return out
}
