// Distances on the ground between two positions, for "how far is it" and "the same place".
// The haversine formula on a round Earth: within a fraction of a percent at Lesotho's scale.

export interface Position {
  latitude: number
  longitude: number
}

const EARTH_RADIUS_M = 6_371_000
const radians = (degrees: number) => (degrees * Math.PI) / 180

/** The distance in metres between two positions. */
export function metresBetween(a: Position, b: Position): number {
  const dLat = radians(b.latitude - a.latitude)
  const dLon = radians(b.longitude - a.longitude)
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)))
}

/** A distance as people say it: "8 m", "350 m", "4.2 km", "37 km". */
export function distanceLabel(metres: number): string {
  if (metres < 100) return `${Math.round(metres)} m`
  if (metres < 1000) return `${Math.round(metres / 10) * 10} m`
  if (metres < 10_000) return `${(metres / 1000).toFixed(1)} km`
  return `${Math.round(metres / 1000)} km`
}

/** A phone's fix less precise than this is kept, and marked as rough. */
export const ROUGH_FIX_METRES = 100

export const isRoughFix = (accuracyMetres: number | null) =>
  accuracyMetres !== null && accuracyMetres > ROUGH_FIX_METRES

/** What a phone's fix is worth, in words, on the form and the record. */
export function positionFixText(accuracyMetres: number): string {
  return isRoughFix(accuracyMetres)
    ? `Rough position: only to within ${distanceLabel(accuracyMetres)}. Try again in the open, or type the coordinates from a GPS.`
    : `Position from this phone, to within ${distanceLabel(accuracyMetres)}.`
}
