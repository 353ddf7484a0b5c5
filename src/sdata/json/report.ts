// Error reporting for the SData JSON codecs: io-ts errors as the one issue shape, located by member and index steps
// and printed as JSON Pointers. Implements docs/decisions.md#p2 for JSON input, where XML paths do not apply
// (RFC 6901 pointers instead).
import type * as t from 'io-ts'
import { isInternalError } from '../../codec/context'
import { formatJsonPointer, type Issue, type IssueCode, type PathStep } from '../../common/issues'

/** The steps of an io-ts context built by the JSON codecs: the first entry is the root, every later one a member or item. */
function jsonStepsOf(context: t.Context): PathStep[] {
  const steps: PathStep[] = []
  for (let i = 1; i < context.length; i++) {
    const key = context[i]!.key
    const inArray = Array.isArray(context[i - 1]!.actual) && /^(?:0|[1-9]\d*)$/.test(key)
    steps.push(inArray ? { kind: 'index', index: Number(key) } : { kind: 'member', name: key })
  }
  return steps
}

/**
 * `missing` for an absent member; `unexpected` for a value of another JSON type than the one the member takes (an
 * object or array where a value belongs, a value where an object or array belongs); `bad-value` for a string,
 * number or boolean that does not read as the member's value; `internal` for a codec or reader that threw.
 */
function codeOf(e: t.ValidationError, message: string): IssueCode {
  if (isInternalError(e)) return 'internal'
  const value = e.value
  // A member read as absent: its context entry found nothing (the error's value is then the object it is missing from).
  if (value === undefined || (e.context.length > 1 && e.context[e.context.length - 1]!.actual === undefined)) {
    return 'missing'
  }
  if (/must be a JSON (?:object|array)|expected a JSON/.test(message)) return 'unexpected'
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean'
    ? 'bad-value'
    : 'unexpected'
}

/**
 * Turns errors from the JSON codecs (`SyncFeedJson`, `DigestJson`, …) into {@link Issue}s located by member and
 * index steps, with JSON Pointer paths, in order, duplicates removed.
 *
 * @example
 * ```ts
 * const r = SyncFeedJson.decode(JSON.parse(text))
 * if (r._tag === 'Left') reportJsonErrors(r.left)[0]?.path // '/$digest/digestEntry/1/tick'
 * ```
 */
export function reportJsonErrors(errors: t.Errors): Issue[] {
  const out: Issue[] = []
  const seen = new Set<string>()
  for (const e of errors) {
    const steps = jsonStepsOf(e.context)
    const path = formatJsonPointer(steps)
    const message = e.message ?? 'invalid value'
    const key = `${path}\u0000${message}`
    if (seen.has(key)) continue
    seen.add(key)
    out.push({ severity: 'error', code: codeOf(e, message), path, steps, message })
  }
  return out
}
