// Error reporting for the SData JSON codecs: io-ts errors as `{ path, message }` with JSON Pointer paths.
// Implements docs/decisions.md#p2 for JSON input, where XML paths do not apply (RFC 6901 pointers instead).
import type * as t from 'io-ts'

function escapeToken(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1')
}

/**
 * The JSON Pointer (RFC 6901) of an io-ts context built by the JSON codecs, e.g. `/$resources/0/$syncState/tick`.
 *
 * @example
 * ```ts
 * jsonPathOf(errors[0]!.context) // '/$resources/0/$syncState/tick'
 * ```
 */
export function jsonPathOf(context: t.Context): string {
  let path = ''
  // The first entry is the root (key ''); every later entry is one member or item.
  for (const entry of context.slice(1)) path += `/${escapeToken(entry.key)}`
  return path
}

/**
 * Turns errors from the JSON codecs (`SyncFeedJson`, `DigestJson`, …) into `{ path, message }` issues with JSON
 * Pointer paths, in order, duplicates removed.
 *
 * @example
 * ```ts
 * const r = SyncFeedJson.decode(JSON.parse(text))
 * if (r._tag === 'Left') reportJsonErrors(r.left) // [{ path: '/$digest/digestEntry/1/tick', message: 'tick must be a non-negative safe integer' }]
 * ```
 */
export function reportJsonErrors(errors: t.Errors): Array<{ path: string; message: string }> {
  const out: Array<{ path: string; message: string }> = []
  const seen = new Set<string>()
  for (const e of errors) {
    const issue = { path: jsonPathOf(e.context), message: e.message ?? 'invalid value' }
    const key = `${issue.path}\u0000${issue.message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push(issue)
  }
  return out
}
