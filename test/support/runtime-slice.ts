// The runtime-neutral test files that also run in the edge VM and in Chromium (vitest.config.ts). Node runs every
// test; the other two runtimes run this slice, chosen so that each public entry point and each runtime-sensitive
// API (TextDecoder and its encodings, ReadableStream, WHATWG Headers, Unicode regexes, Date) is exercised there.

/**
 * The slice, as paths from the repository root. `test/root/runtime-slice.node.test.ts` checks that every path is a
 * runtime-neutral test file and that the slice imports every public entry point. `SYNCWIRE_ALL_RUNTIMES=1` runs the
 * whole neutral suite in every runtime instead (`npm run test:runtimes`).
 */
export const RUNTIME_SLICE: readonly string[] = [
  'test/ecosystem/runtime.test.ts',
  'test/support/fixtures.test.ts',
  'test/root/index.test.ts',
  'test/xml/corpus.test.ts',
  'test/xml/encoding.test.ts',
  'test/xml/chars.test.ts',
  'test/xml/properties.test.ts',
  'test/xml/stream.test.ts',
  'test/xml/serialize-stream.test.ts',
  'test/hostile/characters.test.ts',
  'test/common/datetime.test.ts',
  'test/common/stamp.test.ts',
  'test/codec/element-laws.test.ts',
  'test/codec/safe.test.ts',
  'test/filesync/corpus.test.ts',
  'test/filesync/properties.test.ts',
  'test/filesync/stream.test.ts',
  'test/filesync/encode-stream.test.ts',
  'test/filesync/session.test.ts',
  'test/filesync/http/headers.test.ts',
  'test/filesync/http/multipart.test.ts',
  'test/filesync/http/urls.test.ts',
  'test/sdata/corpus.test.ts',
  'test/sdata/json-corpus.test.ts',
  'test/sdata/properties.test.ts',
  'test/sdata/stream.test.ts',
  'test/sdata/encode-stream.test.ts',
  'test/sdata/typed-payload.test.ts',
  'test/conflict/laws.test.ts',
  'test/conflict/feed-stream.test.ts',
  'test/session/engine.test.ts',
  'test/testing/matchers.test.ts',
  'test/testing/arbitraries.test.ts',
]
