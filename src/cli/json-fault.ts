// Where JSON text that `JSON.parse` refuses goes wrong: the incremental reader's first fault, with its JSON Pointer
// and line:column (RFC 8259), so every JSON input of the CLI is placed as a streamed envelope's fault is.
import type { Issue } from '../common/issues'
import { JsonStreamReader } from '../common/json-stream'

/**
 * The first fault of `text` as JSON (`path` its JSON Pointer, `message` starting `not JSON at line:column:`), or
 * `undefined` when the grammar finds none. For error paths: it reads the whole text again.
 *
 * @example
 * ```ts
 * jsonFault('{"a": [1,]}')?.message // 'not JSON at 1:10: …'
 * ```
 */
export function jsonFault(text: string): Issue | undefined {
  let fault: Issue | undefined
  const reader = new JsonStreamReader(
    { streams: () => false, maxLength: Number.POSITIVE_INFINITY, maxDepth: Number.POSITIVE_INFINITY },
    (event) => {
      if (event.type === 'error') fault ??= event.issue
    },
  )
  reader.push(text.replace(/^\uFEFF/, ''))
  if (!reader.failed) reader.end()
  return fault
}
