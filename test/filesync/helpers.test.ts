import { describe, expect, it } from 'vitest'
import { compareDateTime, compareHex, dateTimeToEpochMs, guidEquals } from '../../src/filesync/index'

describe('FILESYNC value helpers (re-exported from the codec kit)', () => {
  it('orders dates at full 100 ns precision and gives their instant in ms', () => {
    expect(compareDateTime('2025-11-07T22:06:33.0000001Z', '2025-11-07T22:06:33.0000000Z')).toBe(1)
    expect(compareDateTime('2017-01-05T09:23:42.929Z', '2017-01-05T09:23:42.9290000Z')).toBe(0)
    expect(dateTimeToEpochMs('2025-11-07T22:06:33.0000000Z')).toBe(Date.UTC(2025, 10, 7, 22, 6, 33))
  })

  it('compares ResourceIDs case-insensitively, keeping their case (decision 5)', () => {
    expect(guidEquals('22163376c9e14541a103b8c1d74daf5f', '22163376C9E14541A103B8C1D74DAF5F')).toBe(true)
    expect(guidEquals('22163376c9e14541a103b8c1d74daf5f', 'a7b4e912f5694580aca3e399f60a3ba4')).toBe(false)
  })

  it('compares Hex Strings as numbers (MS-FILESYNC §2.2)', () => {
    expect(compareHex('00FF', 'fe')).toBe(1)
    expect(compareHex('0a', 'A')).toBe(0)
  })
})
