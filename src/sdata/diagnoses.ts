// The diagnoses member of a feed or an entry (core §3.10): bare `sdata:diagnosis` children and `sdata:diagnoses`
// wrappers holding nothing but diagnoses, in XML and as text (its JSON, `$diagnoses` and `$diagnosesWrappers`:
// ./json/owner.ts).
import type { XmlElement } from '../xml/types'
import { type DiagnosesOwner, readDiagnosisChild, writeDiagnoses } from './diagnosis'
import { SDATA_NS } from './namespaces'
import type { OwnerMember } from './schema/owner'
import { ATOM_PARENT } from './text-writer'
import { addUsedPrefixes } from './tree'

/**
 * The diagnoses of a feed or an entry: each diagnosis without attributes, and each wrapper holding only such
 * diagnoses (recorded in `diagnosesWrappers`, so that it is written back around the same run); anything else stays an
 * extension.
 *
 * @example
 * ```ts
 * const FEED_MEMBERS = [..., diagnosesMember, ...]
 * ```
 */
export const diagnosesMember: OwnerMember<DiagnosesOwner> = {
  name: 'diagnoses',
  keys: ['diagnoses', 'diagnosesWrappers'],
  is: { kind: 'diagnoses' },
  namespace: SDATA_NS,
  read: (c, path, problems, owner) => (readDiagnosisChild(c, path, problems, owner) ? 'taken' : undefined),
  write(owner, out) {
    for (const d of writeDiagnoses(owner)) out.push(d)
  },
  prepare(owner, _codec, used) {
    if (owner.diagnoses.length === 0 && owner.diagnosesWrappers === undefined) return undefined
    const trees = writeDiagnoses(owner)
    for (const d of trees) addUsedPrefixes(d, used)
    return trees
  },
  has: (_owner, trees) => trees !== undefined && (trees as XmlElement[]).length > 0,
  text(t, _owner, trees) {
    if (trees !== undefined) for (const d of trees as XmlElement[]) t.tree(ATOM_PARENT, '', d)
  },
}
