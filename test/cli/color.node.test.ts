// Colour rules of the CLI: only on a terminal, and NO_COLOR (any non-empty value) turns it off (https://no-color.org).
// A Node test because the module imports node:util.
import { describe, expect, it } from 'vitest'
import { colorEnabled, paint } from '../../src/cli/shared'

describe('colour', () => {
  it('is on for a TTY without NO_COLOR, off otherwise', () => {
    expect(colorEnabled(true, {})).toBe(true)
    expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true)
    expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false)
    expect(colorEnabled(false, {})).toBe(false)
    expect(colorEnabled(undefined, {})).toBe(false)
  })

  it('paint wraps text in an ANSI style only when colour is on', () => {
    const io = { out: () => {}, err: () => {} }
    expect(paint({ ...io, color: true }, 'red', 'error')).toBe('\u001b[31merror\u001b[0m')
    expect(paint({ ...io, color: false }, 'red', 'error')).toBe('error')
  })
})
