import { describe, expect, it } from 'vitest'
import { demoUsers, generateAgency, generateWorksite, seededRandom } from '../../src/demo/generate.js'
import { DISTRICTS, ROLES, SECTORS, WORKSITE_KINDS } from '../../src/vocabulary.js'

describe('demo data generator', () => {
  it('gives the same agencies for the same seed, and different ones for another', () => {
    const a = Array.from({ length: 5 }, (_, i) => generateAgency(seededRandom(7), i))
    const b = Array.from({ length: 5 }, (_, i) => generateAgency(seededRandom(7), i))
    expect(a).toEqual(b)
    expect(generateAgency(seededRandom(8), 0)).not.toEqual(a[0])
  })

  it('makes agencies that fit the registry: unique registration numbers, known districts and sectors, South Africa first', () => {
    const r = seededRandom(1)
    const agencies = Array.from({ length: 5000 }, (_, i) => generateAgency(r, i))
    expect(new Set(agencies.map((a) => a.registration_number)).size).toBe(5000)
    const districts = new Set(agencies.map((a) => a.district))
    expect(districts.size).toBe(10)
    for (const a of agencies) {
      expect(DISTRICTS).toContain(a.district)
      expect(a.sectors!.length).toBeGreaterThan(0)
      for (const s of a.sectors!) expect(SECTORS).toContain(s)
      const countries = a.destination_countries!
      if (countries.includes('ZA')) expect(countries[0]).toBe('ZA')
      expect(a.phone).toMatch(/^\+266 [56]\d{3} \d{4}$/)
    }
    // Maseru holds the most agencies, as in life.
    const maseru = agencies.filter((a) => a.district === 'Maseru').length
    expect(maseru / agencies.length).toBeGreaterThan(0.25)
  })

  it('places worksites inside Lesotho with known kinds', () => {
    const r = seededRandom(3)
    for (let i = 0; i < 2000; i++) {
      const w = generateWorksite(r)
      expect(WORKSITE_KINDS).toContain(w.kind)
      if (w.latitude !== null) {
        expect(w.latitude).toBeGreaterThanOrEqual(-30.7)
        expect(w.latitude).toBeLessThanOrEqual(-28.5)
        expect(w.longitude).toBeGreaterThanOrEqual(27)
        expect(w.longitude).toBeLessThanOrEqual(29.5)
      }
    }
  })

  it('has one demo user for each role', () => {
    expect(demoUsers().map((u) => u.role)).toEqual([...ROLES])
  })
})
