// GUID spellings that SharePoint uses in FILESYNC URLs and REST answers (dashed, braced, 32 hex digits).
// MS-FILESYNC 3.1.3: the sync path carries the list id as 32 lowercase hex digits; REST returns it dashed.
import { dashedGuid } from '../../common/guid'

const HEX32 = /^[0-9a-fA-F]{32}$/
const DASHED = /^\{?([0-9a-fA-F]{8})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{4})-([0-9a-fA-F]{12})\}?$/

/**
 * A GUID in the two forms FILESYNC needs: `dashed` (REST, SyncToken) and `hex` (sync path, ResourceID).
 *
 * @example
 * ```ts
 * const id: GuidForms = { dashed: '5d2445a6-f48d-4f6c-b190-640d11e29a93', hex: '5d2445a6f48d4f6cb190640d11e29a93' }
 * ```
 */
export interface GuidForms {
  /** Lowercase, with dashes, no braces: `5d2445a6-f48d-4f6c-b190-640d11e29a93`. */
  dashed: string
  /** 32 lowercase hex digits, as in the sync path and in `ResourceID`. */
  hex: string
}

/**
 * Reads a GUID written dashed, braced or as 32 hex digits (any case); `undefined` when it is none of these.
 *
 * @example
 * ```ts
 * guidForms('{5D2445A6-F48D-4F6C-B190-640D11E29A93}')?.hex // '5d2445a6f48d4f6cb190640d11e29a93'
 * ```
 */
export function guidForms(text: string): GuidForms | undefined {
  let hex: string
  if (HEX32.test(text)) {
    hex = text.toLowerCase()
  } else {
    const m = DASHED.exec(text)
    if (m === null) return undefined
    if (text.startsWith('{') !== text.endsWith('}')) return undefined
    hex = `${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}`.toLowerCase()
  }
  return { dashed: dashedGuid(hex), hex }
}
