import { DISTRICTS, type District } from '../vocabulary.js'

// The four services a district's focal points are (issue 20): the police anti-trafficking
// focal point, the district labour office, social welfare, and the NGO shelter line. Pure.

export const FOCAL_SERVICES = ['police', 'labour', 'social_welfare', 'shelter'] as const
export type FocalService = (typeof FOCAL_SERVICES)[number]

export const FOCAL_SERVICE_LABELS: Record<FocalService, string> = {
  police: 'Police anti-trafficking focal point',
  labour: 'District labour office',
  social_welfare: 'Social welfare',
  shelter: 'NGO shelter line',
}

/** Each district and the services it has no focal point for (districts with none missing left out). */
export function focalPointGaps(
  present: readonly { district: District; service: FocalService }[],
): { district: District; missing: FocalService[] }[] {
  const have = new Set(present.map((p) => `${p.district}/${p.service}`))
  return DISTRICTS.map((district) => ({
    district,
    missing: FOCAL_SERVICES.filter((s) => !have.has(`${district}/${s}`)),
  })).filter((g) => g.missing.length > 0)
}
