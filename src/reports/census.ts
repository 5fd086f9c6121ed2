import type { District } from '../vocabulary.js'

// Population for rates per 100,000 (SDG indicator 16.2.2, detected victims of trafficking per
// 100,000 population). Update this table, its source and its year together when the Bureau of
// Statistics publishes a new census.
//
// Source: Lesotho Bureau of Statistics, 2016 Population and Housing Census, final results:
// de jure population by district (the ten district figures sum to the national 2,007,201).
// Not found for 2016: the final population by sex and by age group (under 18, 18 and over), so
// the export gives victims by sex and age as counts and leaves their rates out rather than
// invent a denominator.

export const CENSUS = {
  year: 2016,
  source: 'Lesotho Bureau of Statistics, 2016 Population and Housing Census (final results, district totals)',
  national: 2_007_201,
  byDistrict: {
    Berea: 262_616,
    'Butha-Buthe': 118_242,
    Leribe: 337_521,
    Mafeteng: 178_222,
    Maseru: 519_186,
    "Mohale's Hoek": 165_590,
    Mokhotlong: 100_442,
    "Qacha's Nek": 74_566,
    Quthing: 115_469,
    'Thaba-Tseka': 135_347,
  } satisfies Record<District, number>,
  /** Not published in what could be found: rates by sex and age group are left out. */
  bySex: null,
  byAgeGroup: null,
} as const

/** Detected victims per 100,000 people, two decimals; null without a population. */
export function per100000(victims: number, population: number | null | undefined): number | null {
  if (!population) return null
  return Math.round((victims / population) * 100_000 * 100) / 100
}
