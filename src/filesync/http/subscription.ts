// The push-notification Subscription request of the FILESYNC first run, with its body kept opaque.
// MS-FILESYNC 3.1.3 (last row: POST …/spfilesync/sync/<list id>/Subscription); the body's schema is not public.

import { serializeXml } from '../../xml/serialize'
import type { XmlDocument } from '../../xml/types'
import { subscriptionUrl } from './urls'

/**
 * A request ready to hand to any HTTP client.
 *
 * @example
 * ```ts
 * const r: SubscriptionRequest = { method: 'POST', url: 'https://h/personal/a/_api/spfilesync/sync/…/Subscription', headers: { 'Content-Type': 'application/web3s+xml' }, body: '<…/>' }
 * ```
 */
export interface SubscriptionRequest {
  /** Always `POST`. */
  method: 'POST'
  /** From `subscriptionUrl`. */
  url: string
  /** `Content-Type`, as given (default `application/web3s+xml`, like every other FILESYNC request body). */
  headers: Record<string, string>
  /** The body text, passed through (or serialised when given as an `XmlDocument`). */
  body: string
}

/**
 * Builds the Subscription POST. Neither the spec nor any public capture shows its body, so syncwire does not model
 * it: pass the body as text (sent verbatim) or as an `XmlDocument` (serialised with a declaration, nothing added
 * or checked). The Content-Type is likewise a guess you can override.
 *
 * @example
 * ```ts
 * const req = subscriptionRequest('https://h/personal/a', '5d2445a6f48d4f6cb190640d11e29a93', mySubscriptionXml)
 * // req.url === 'https://h/personal/a/_api/spfilesync/sync/5d2445a6f48d4f6cb190640d11e29a93/Subscription'
 * ```
 */
export function subscriptionRequest(
  siteUrl: string,
  libraryId: string,
  body: string | XmlDocument,
  options?: { contentType?: string },
): SubscriptionRequest {
  return {
    method: 'POST',
    url: subscriptionUrl(siteUrl, libraryId),
    headers: { 'Content-Type': options?.contentType ?? 'application/web3s+xml' },
    body: typeof body === 'string' ? body : serializeXml(body),
  }
}
