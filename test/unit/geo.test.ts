import { describe, expect, it } from 'vitest'
import { distanceLabel, isRoughFix, metresBetween, positionFixText } from '../../src/geo.js'

describe('distances on the ground', () => {
  it('measures Maseru to Maputsoe as about 62 km, and a point to itself as 0', () => {
    const maseru = { latitude: -29.3151, longitude: 27.4869 }
    const maputsoe = { latitude: -28.8833, longitude: 27.9 }
    expect(metresBetween(maseru, maputsoe)).toBeGreaterThan(60_000)
    expect(metresBetween(maseru, maputsoe)).toBeLessThan(65_000)
    expect(metresBetween(maseru, maseru)).toBe(0)
  })

  it('counts a thousandth of a degree of latitude as about 111 m, the same either way', () => {
    const a = { latitude: -29.3, longitude: 27.5 }
    const b = { latitude: -29.301, longitude: 27.5 }
    expect(metresBetween(a, b)).toBeCloseTo(111.2, 0)
    expect(metresBetween(b, a)).toBe(metresBetween(a, b))
  })

  it('says distances as people do', () => {
    expect(distanceLabel(7.6)).toBe('8 m')
    expect(distanceLabel(346)).toBe('350 m')
    expect(distanceLabel(4_240)).toBe('4.2 km')
    expect(distanceLabel(37_400)).toBe('37 km')
  })

  it('marks a fix worse than 100 m as rough, and a typed position (no accuracy) as not', () => {
    expect(isRoughFix(100)).toBe(false)
    expect(isRoughFix(101)).toBe(true)
    expect(isRoughFix(null)).toBe(false)
    expect(positionFixText(12)).toBe('Position from this phone, to within 12 m.')
    expect(positionFixText(3000)).toContain('Rough position: only to within 3.0 km')
  })
})
