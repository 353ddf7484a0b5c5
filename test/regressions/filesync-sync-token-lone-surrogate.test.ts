import { describe, expect, it } from 'vitest'
import { encodeSyncToken } from '../../src/filesync/index'

// Found by the tests raised from mutation testing (issue 7): after a lone high surrogate, encodeSyncToken skipped the
// next UTF-16 unit, so `'\uD800x'` lost its `x` and a valid pair after a lone surrogate was lost with it.

describe('encodeSyncToken: a lone surrogate costs only itself', () => {
  it('keeps what follows a lone high surrogate', () => {
    expect(encodeSyncToken('\uD800x')).toBe('%EF%BF%BDx')
    expect(encodeSyncToken('a\uD800\uD800\uDC00b')).toBe('a%EF%BF%BD%F0%90%80%80b')
  })

  it('writes U+FFFD for a lone low surrogate and at the end, and encodes pairs whole', () => {
    expect(encodeSyncToken('\uDC00x')).toBe('%EF%BF%BDx')
    expect(encodeSyncToken('x\uD800')).toBe('x%EF%BF%BD')
    expect(encodeSyncToken('\uD83D\uDE00;#1')).toBe('%F0%9F%98%80;%231')
    expect(encodeSyncToken('é')).toBe('%C3%A9')
  })
})
