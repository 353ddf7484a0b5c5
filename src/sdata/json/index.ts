// The SData 2.0 JSON mapping of sync values: codecs between the value model and plain JSON objects.
// Implements SData 2.0 §04-0500 (JSON responses) with the sync members (docs/decisions.md#s14).

export type { AttributeJsonObject, ElementJsonObject } from '../../codec/json/element'
export { XmlElementJson } from '../../codec/json/element'
export type { DiagnosesJsonObject, DiagnosesWrapperJsonObject, DiagnosisJsonObject } from './diagnosis'
export { DiagnosesJson, DiagnosisJson } from './diagnosis'
export type { DigestEntryJsonObject, DigestJsonObject, SyncStateJsonObject } from './digest'
export { DigestJson, SyncStateJson } from './digest'
export type { LinkJsonObject, SyncEntryJsonObject } from './entry'
export { SyncEntryJson, syncEntryJson } from './entry'
export type { SyncFeedJsonObject } from './feed'
export { SyncFeedJson, syncFeedJson } from './feed'
export { reportJsonErrors } from './report'
export type { PayloadJsonMembers } from './resource'
export type { StreamSyncFeedJsonOptions } from './stream'
export { streamSyncFeedJson } from './stream'
export type { TrackingJsonObject } from './tracking'
export { TrackingJson } from './tracking'
