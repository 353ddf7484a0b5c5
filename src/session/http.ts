// The URLs of the SData sync exchange (their parameters, contexts, media types) and tracking GUIDs; bodies and headers are read in read.ts.
// Implements sync §4.1 (`$syncDigest`, `$syncSource`, `$syncTarget`, runName/runStamp/trackingID) and §5.2 (contexts).

import { encodeComponent } from '../common/uri'

/** A URL with query parameters appended (values percent-encoded, a lone surrogate as its code point's bytes). */
export function withQuery(url: string, params: Record<string, string | undefined>): string {
  const pairs = Object.entries(params)
    .filter((p): p is [string, string] => p[1] !== undefined)
    .map(([k, v]) => `${k}=${encodeComponent(v)}`)
  if (pairs.length === 0) return url
  return `${url}${url.includes('?') ? '&' : '?'}${pairs.join('&')}`
}

/** A URL split into its path (no query, no fragment) and its query parameters (the first value of each name). */
export function splitUrl(url: string): { path: string; query: Map<string, string> } {
  const hash = url.indexOf('#')
  const bare = hash < 0 ? url : url.slice(0, hash)
  const q = bare.indexOf('?')
  const query = new Map<string, string>()
  if (q >= 0) {
    for (const part of bare.slice(q + 1).split('&')) {
      if (part === '') continue
      const eq = part.indexOf('=')
      const name = safeDecode(eq < 0 ? part : part.slice(0, eq))
      if (!query.has(name)) query.set(name, safeDecode(eq < 0 ? '' : part.slice(eq + 1)))
    }
  }
  return { path: q >= 0 ? bare.slice(0, q) : bare, query }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s.replace(/\+/g, ' '))
  } catch {
    return s
  }
}

/** The tracking ID parameter, in either spelling the spec's examples use (`trackingID`, `trackingId`). */
export function trackingIdOf(query: ReadonlyMap<string, string>): string | undefined {
  return query.get('trackingID') ?? query.get('trackingId')
}

/** The URL of an asynchronous context: `…/$syncSource('<id>')` (sync §5.2). */
export function contextUrl(endpoint: string, operation: '$syncSource' | '$syncTarget', id: string): string {
  return `${endpoint}/${operation}('${encodeComponent(id)}')`
}

/** Splits `…/<endpoint>/$op` or `…/<endpoint>/$op('<id>')` into its parts, else `undefined`. */
export function parseSyncPath(
  path: string,
): { endpoint: string; operation: '$syncDigest' | '$syncSource' | '$syncTarget'; id?: string } | undefined {
  const m = /^(.*)\/(\$syncDigest|\$syncSource|\$syncTarget)(?:\('([^']*)'\))?$/.exec(path)
  if (m === null) return undefined
  const out: { endpoint: string; operation: '$syncDigest' | '$syncSource' | '$syncTarget'; id?: string } = {
    endpoint: m[1]!,
    operation: m[2] as '$syncDigest' | '$syncSource' | '$syncTarget',
  }
  if (m[3] !== undefined) out.id = safeDecode(m[3])
  return out
}

/** Media types of the sync exchange (core §3.4): an Atom entry, an Atom feed, an XML body. */
export const ATOM_ENTRY = 'application/atom+xml; type=entry'
export const ATOM_FEED = 'application/atom+xml; type=feed'
export const XML = 'application/xml'
