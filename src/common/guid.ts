// GUIDs written with dashes (8-4-4-4-12) and drawn at random (RFC 4122 version 4), for every layer that writes them.
// Free of io-ts and the parser, so that the URL and header helpers that use them bundle without either.

/**
 * The 8-4-4-4-12 form of 32 hex digits, case kept: the one place a GUID is written with dashes.
 *
 * @example
 * ```ts
 * dashedGuid('5d2445a6f48d4f6cb190640d11e29a93') // '5d2445a6-f48d-4f6c-b190-640d11e29a93'
 * ```
 */
export function dashedGuid(hex: string): string {
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

/**
 * A random GUID (RFC 4122 version 4), lowercase and dashed: from `crypto.randomUUID` where the runtime has it, else
 * from `crypto.getRandomValues`, else from `Math.random`.
 *
 * @example
 * ```ts
 * randomGuid() // e.g. 'b9f41f61-eda6-4e7b-9562-74dd3b298623'
 * ```
 */
export function randomGuid(): string {
  const crypto = (
    globalThis as { crypto?: { randomUUID?: () => string; getRandomValues?: (a: Uint8Array) => Uint8Array } }
  ).crypto
  if (typeof crypto?.randomUUID === 'function') return crypto.randomUUID()
  const bytes = new Uint8Array(16)
  if (typeof crypto?.getRandomValues === 'function') crypto.getRandomValues(bytes)
  else for (let i = 0; i < 16; i++) bytes[i] = Math.floor(Math.random() * 256)
  bytes[6] = (bytes[6]! & 0x0f) | 0x40
  bytes[8] = (bytes[8]! & 0x3f) | 0x80
  return dashedGuid(Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(''))
}
