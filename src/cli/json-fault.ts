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
function jsonFault(text: string): Issue | undefined {
  let fault: Issue | undefined
  const reader = new JsonStreamReader(
    { streams: () => false, maxLength: Number.POSITIVE_INFINITY, maxDepth: Number.POSITIVE_INFINITY },
    (event) => {
      if (event.type === 'error') fault ??= event.issue
    },
  )
  // The reader drops one byte-order mark itself, as JSON.parse's caller below does: a second U+FEFF is a fault.
  reader.push(text)
  if (!reader.failed) reader.end()
  return fault
}

/**
 * `text` (a byte-order mark before it allowed) as JSON: its value, or its first fault placed by `jsonFault`,
 * or, should only `JSON.parse` find one, that one's message. Every JSON input of the CLI is read through it.
 *
 * @example
 * ```ts
 * const json = readJson(text)
 * if ('fault' in json) console.error(json.fault.path, json.fault.message) // '/states not JSON at 2:14: …'
 * ```
 */
export function readJson(text: string): { value: unknown } | { fault: Issue } | { error: string } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')) }
  } catch (error) {
    const fault = jsonFault(text)
    return fault === undefined ? { error: `not valid JSON: ${(error as Error).message}` } : { fault }
  }
}
