import { distanceLabel, metresBetween } from '../geo.js'

// When two worksites are probably the same place, added twice: pure rules, no I/O. The name
// likeness is PostgreSQL's trigram similarity (0 to 1), worked out where the index is.

/** Positions this close are the same worksite's, give or take a phone's error. */
export const SAME_PLACE_METRES = 500
/** Worksites this far apart are two places, whatever their names say, unless the names are the same. */
export const TWO_PLACES_METRES = 5_000
/** Trigram similarity from which two names are called alike ("Ha Mokoena Orchard" and "Mokoena Orchards"). */
export const ALIKE_NAMES = 0.3

export interface SiteFacts {
  name: string
  village: string
  latitude: number | null
  longitude: number | null
}

const plain = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()

/** The metres between two worksites, when both have coordinates. */
export function metresApart(a: SiteFacts, b: SiteFacts): number | null {
  if (a.latitude === null || a.longitude === null || b.latitude === null || b.longitude === null) return null
  return metresBetween(
    { latitude: a.latitude, longitude: a.longitude },
    { latitude: b.latitude, longitude: b.longitude },
  )
}

/** Why two worksites look like one place, in words; empty when they do not. */
export function duplicateReasons(a: SiteFacts, b: SiteFacts, nameSimilarity: number): string[] {
  const sameName = plain(a.name) === plain(b.name)
  const alike = sameName || nameSimilarity >= ALIKE_NAMES
  const apart = metresApart(a, b)
  const near = apart !== null && apart <= SAME_PLACE_METRES
  if (!alike && !near) return []
  // "Maluti Knitwear" and "Tšepo Knitwear" 45 km apart are two factories.
  if (!sameName && apart !== null && apart > TWO_PLACES_METRES) return []
  const reasons: string[] = []
  if (sameName) reasons.push('The same name')
  else if (alike) reasons.push('Names alike')
  if (plain(a.village) === plain(b.village)) reasons.push('The same village')
  if (near) reasons.push(`${distanceLabel(apart)} apart`)
  else if (apart !== null) reasons.push(`But ${distanceLabel(apart)} apart`)
  return reasons
}
