// The SData 2.0 JSON mapping of sync values: codecs between the value model and plain JSON objects.
// Implements SData 2.0 §04-0500 (JSON responses) with the sync members (docs/decisions.md#s14).
export type { AttributeJsonObject, ElementJsonObject } from './element'
export { XmlElementJson } from './element'
export { reportJsonErrors } from './report'
export type { PayloadJsonMembers } from './resource'
export type {
  DiagnosesJsonObject,
  DiagnosisJsonObject,
  DigestEntryJsonObject,
  DigestJsonObject,
  LinkJsonObject,
  SyncEntryJsonObject,
  SyncFeedJsonObject,
  SyncStateJsonObject,
  TrackingJsonObject,
} from './sync'
export {
  DiagnosesJson,
  DiagnosisJson,
  DigestJson,
  SyncEntryJson,
  SyncFeedJson,
  SyncStateJson,
  syncEntryJson,
  syncFeedJson,
  TrackingJson,
} from './sync'
