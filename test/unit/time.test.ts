import { describe, expect, it } from 'vitest'
import { dateInLesotho, lesothoInstant, lesothoLocal } from '../../src/time.js'

// Lesotho keeps UTC+2 all year; the rules come from the time-zone database, not a constant.
describe('time in Lesotho', () => {
  it('reads a moment as Lesotho clocks show it, and back', () => {
    const at = new Date('2026-11-20T07:30:00Z')
    expect(lesothoLocal(at)).toBe('2026-11-20T09:30')
    expect(lesothoInstant('2026-11-20T09:30').toISOString()).toBe('2026-11-20T07:30:00.000Z')
    expect(lesothoInstant('2026-11-20').toISOString()).toBe('2026-11-19T22:00:00.000Z')
  })

  it('turns the date at midnight in Lesotho, not at midnight UTC', () => {
    expect(dateInLesotho(new Date('2026-12-31T21:59:00Z'))).toBe('2026-12-31')
    expect(dateInLesotho(new Date('2026-12-31T22:00:00Z'))).toBe('2027-01-01')
  })

  it('gives an invalid date for what is no date', () => {
    expect(Number.isNaN(lesothoInstant('not a date').getTime())).toBe(true)
  })
})
