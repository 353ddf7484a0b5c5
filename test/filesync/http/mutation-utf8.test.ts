// Boundaries of the internal byte helpers of the multipart framing (search, concatenation).
// Raised from mutation testing (issue 7).
import { describe, expect, it } from 'vitest'
import { concatBytes, indexOfBytes } from '../../../src/filesync/http/utf8'

const bytes = (...b: number[]) => Uint8Array.from(b)

describe('indexOfBytes and concatBytes', () => {
  const h = bytes(1, 2, 3, 1, 2, 4)

  it('finds a needle at or after from, or -1', () => {
    expect(indexOfBytes(h, bytes(1, 2))).toBe(0)
    expect(indexOfBytes(h, bytes(1, 2), 1)).toBe(3)
    expect(indexOfBytes(h, bytes(1, 2, 4))).toBe(3)
    expect(indexOfBytes(h, bytes(2, 4))).toBe(4)
    expect(indexOfBytes(h, bytes(4, 5))).toBe(-1)
    expect(indexOfBytes(h, bytes(1, 2, 3, 1, 2, 4, 5))).toBe(-1)
    expect(indexOfBytes(h, bytes(1, 2), 4)).toBe(-1)
  })

  it('finds the empty needle at from while from is within the haystack', () => {
    expect(indexOfBytes(h, bytes())).toBe(0)
    expect(indexOfBytes(h, bytes(), 2)).toBe(2)
    expect(indexOfBytes(h, bytes(), 6)).toBe(6)
    expect(indexOfBytes(h, bytes(), 7)).toBe(-1)
  })

  it('concatenates in order', () => {
    expect(Array.from(concatBytes([bytes(1), bytes(), bytes(2, 3)]))).toEqual([1, 2, 3])
    expect(concatBytes([])).toEqual(new Uint8Array(0))
  })
})
