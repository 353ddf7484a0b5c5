// The diagnoses member of a feed or an entry (core §3.10): bare `sdata:diagnosis` children and `sdata:diagnoses`
// wrappers holding nothing but diagnoses, in XML, as text and in JSON (`$diagnoses`, `$diagnosesWrappers`).
import type { XmlElement } from '../xml/types'
import { type DiagnosesOwner, readDiagnosisChild, writeDiagnoses } from './diagnosis'
import { encodeDiagnosesOf, readDiagnosesOf } from './json/diagnosis'
import { SDATA_NS } from './namespaces'
import type { OwnerMember } from './schema/owner'
import { ATOM_PARENT } from './text-writer'
import { addUsedPrefixes } from './tree'

/**
 * The diagnoses of a feed or an entry: each diagnosis without attributes, and each wrapper holding only such
 * diagnoses (recorded in `diagnosesWrappers`, so that it is written back around the same run); anything else stays an
 * extension. In JSON one flat `$diagnoses` array (SData 2.0's `$diagnosis` read too) and `$diagnosesWrappers`.
 *
 * @example
 * ```ts
 * const FEED_MEMBERS = [..., diagnosesMember, ...]
 * ```
 */
export const diagnosesMember: OwnerMember<DiagnosesOwner> = {
  name: 'diagnoses',
  keys: ['diagnoses', 'diagnosesWrappers'],
  arbitrary: { kind: 'given', spread: true },
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
  jsonKeys: ['$diagnoses', '$diagnosis', '$diagnosesWrappers'],
  readJson(errs, o, c, owner) {
    Object.assign(owner, readDiagnosesOf(errs, o, c))
  },
  writeJson: (owner, out) => Object.assign(out, encodeDiagnosesOf(owner)),
}
