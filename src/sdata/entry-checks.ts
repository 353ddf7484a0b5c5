// Entry checks on the members decoding keeps as extensions: a nil `sync:syncState` and a second `sdata:payload`.
// Implements sync §4.3/§4.4 (one syncState and one payload per entry) for validation; decoding keeps both as written.
import type { IssueList, StepPath } from '../common/issue-list'
import type { XmlElement } from '../xml/types'
import { isNilElement } from './entry'
import type { SyncEntry } from './model'
import { SDATA_NS, SYNC_NS } from './namespaces'

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
 * entryExtensionChecks(issues, rootAt('entry'), entry) // reports e.g. an error at '/entry/sdata:payload[2]'
 * ```
 */
export function entryExtensionChecks(issues: IssueList, base: StepPath, entry: SyncEntry): void {
  const extensions = Array.isArray(entry.extensions) ? entry.extensions.filter(isElement) : []
  const hasPayload = entry.payload !== undefined || entry.digest !== undefined
  let payloads = hasPayload ? 1 : 0
  for (const x of extensions) {
    if (x.namespace === SYNC_NS && x.localName === 'syncState' && isNilElement(x)) {
      issues.warning(
        base.element('sync:syncState'),
        'the sync:syncState is nil (xsi:nil="true"); it is read as no state and written back as it is',
      )
    } else if (x.namespace === SDATA_NS && x.localName === 'payload') {
      payloads++
      if (payloads > 1) {
        issues.error(
          base.element('sdata:payload', payloads),
          `the entry has ${payloads} sdata:payload elements; an entry carries one (sync §4.4) and only the first is read`,
        )
      }
    }
  }
}
