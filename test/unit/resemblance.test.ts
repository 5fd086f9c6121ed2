import { describe, expect, it } from 'vitest'
import { registrationKey } from '../../src/agencies/registration-number.js'
import {
  nameCore,
  nameResemblance,
  RESEMBLANCE_THRESHOLD,
  trigramSimilarity,
} from '../../src/agencies/resemblance.js'

describe('names worth a second look', () => {
  it('sets aside the words every agency name has', () => {
    expect(nameCore('Maluti Mountain Recruitment (Pty) Ltd')).toBe('maluti mountain')
    expect(nameCore('Thabo Jobs')).toBe('thabo')
    expect(nameCore('Recruitment Services Agency')).toBe('')
    expect(nameCore('Sélibé Placements')).toBe('selibe')
  })

  it('computes similarity as pg_trgm does', () => {
    expect(trigramSimilarity('maluti', 'maluti')).toBe(1)
    // PostgreSQL: similarity('maluti', 'malute') = 0.5555556, similarity('maluti mountain', 'senqu mountain') = 0.42857143
    expect(trigramSimilarity('maluti', 'malute')).toBeCloseTo(0.5555556, 6)
    expect(trigramSimilarity('maluti mountain', 'senqu mountain')).toBeCloseTo(0.42857143, 6)
    expect(trigramSimilarity('abc', 'xyz')).toBe(0)
  })

  it.each([
    ['Maluti Mountain Recruitment (Pty) Ltd', 'Maluti Mountain Careers'],
    ['Maluti Mountain Recruitment', 'Maloti Mountain Recruitment'],
    ['Senqu River Staffing', 'Senqu River Staffing Services'],
    ['Thaba Bosiu Labour Brokers', 'Thaba-Bosiu Labour Agency'],
  ])('flags %j and %j', (a, b) => {
    expect(nameResemblance(a, b)).toBeGreaterThanOrEqual(RESEMBLANCE_THRESHOLD)
  })

  it.each([
    ['Thabo Jobs', 'Maluti Jobs'],
    ['Maluti Mountain Recruitment (Pty) Ltd', 'Senqu Recruitment (Pty) Ltd'],
    ['Kopano Placements', 'Khotso Placements'],
    ['Recruitment Services Agency', 'Global Recruitment Solutions'],
    ['Lesotho Careers International', 'Africa Jobs Agency'],
  ])('does not flag %j and %j, alike only in common words', (a, b) => {
    expect(nameResemblance(a, b)).toBeLessThan(RESEMBLANCE_THRESHOLD)
  })

  it('compares names of only common words whole, and only when nearly the same', () => {
    expect(nameResemblance('Recruitment Services Agency', 'Recruitment Services Agency')).toBe(1)
    expect(nameResemblance('Recruitment Services', 'Careers Agency')).toBe(0)
  })
})

describe('registration numbers', () => {
  it('are one number however they are written', () => {
    for (const typed of ['2013/ 000032', '2013-000032', '2013000032', ' 2013 / 000032 ', '2013.000032'])
      expect(registrationKey(typed)).toBe('2013000032')
    expect(registrationKey('a2019/12')).toBe('A201912')
  })
})
