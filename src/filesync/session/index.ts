// FILESYNC sessions: the changes loop, the first run and the write exchange as sans-I/O state machines.
// MS-FILESYNC 3.1.3 and "sync with the service"; the caller does the HTTP, these say what to send and what came back.
export * from './changes'
export * from './first-run'
export {
  DEFAULT_RETRY_AFTER_MS,
  type FileSyncRequest,
  type FileSyncResponse,
  type FileSyncSessionIssue,
  type RetryOptions,
  retryAfterMs,
} from './response'
export * from './write'
