import { describe, expect, it } from 'vitest'
import { formatDate, formatDateTime } from '../../src/format.js'

describe('dates as people in Lesotho read them', () => {
  it('writes calendar dates as "3 March 2026" without shifting the day', () => {
    expect(formatDate('2026-03-03')).toBe('3 March 2026')
    expect(formatDate('2026-12-31')).toBe('31 December 2026')
  })

  it('shows times in Lesotho time (UTC+2)', () => {
    expect(formatDateTime(new Date('2026-03-03T22:30:00Z'))).toBe('4 March 2026 at 00:30')
  })
})
