import type { Sector } from '../vocabulary.js'

// Where to inspect next: a worksite's risk score, with the reasons that make it up, so an
// inspector can see why a farm is at the top of the list and a supervisor can question it.
// Pure: no I/O. Each part has a ceiling, so no single fact can bury all the others.

export interface WorksiteRiskFacts {
  sector: Sector
  /** Days since the last submitted inspection; null when never inspected. */
  daysSinceLastInspection: number | null
  /** Indicators of forced labour observed at past inspections (each indicator each time). */
  indicatorsObserved: number
  /** Indicators only suspected at past inspections. */
  indicatorsSuspected: number
  /** Open complaints about the worksite's recruiters or naming the worksite's employer. */
  openComplaints: number
  /** Recruiters seen supplying the worksite that carry a public flag or are under watch. */
  flaggedRecruiters: number
}

export interface RiskReason {
  points: number
  reason: string
}

export interface WorksiteRisk {
  score: number
  /** Largest first; only parts that add points. */
  reasons: RiskReason[]
}

// Agriculture and manufacturing are where the TIP reports place most forced labour in Lesotho
// (farms across the border, textile factories); they weigh most.
export const SECTOR_RISK: Record<Sector, number> = {
  agriculture: 15,
  manufacturing: 15,
  mining: 10,
  construction: 10,
  domestic_work: 10,
  hospitality: 5,
  security_services: 5,
  other: 5,
}

export const RISK_CEILINGS = {
  timeSinceInspection: 30,
  indicators: 40,
  complaints: 24,
  flaggedRecruiters: 36,
} as const

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Whole months since the last visit, as the score counts them. */
const monthsSince = (days: number) => Math.floor(days / 30)

/** The points of each part, each within its ceiling. */
function riskPoints(facts: WorksiteRiskFacts) {
  return {
    // Two points a month since the last visit, up to the ceiling (15 months).
    timeSinceInspection:
      facts.daysSinceLastInspection === null
        ? RISK_CEILINGS.timeSinceInspection
        : Math.min(RISK_CEILINGS.timeSinceInspection, monthsSince(facts.daysSinceLastInspection) * 2),
    indicators: Math.min(
      RISK_CEILINGS.indicators,
      facts.indicatorsObserved * 10 + facts.indicatorsSuspected * 4,
    ),
    complaints: Math.min(RISK_CEILINGS.complaints, facts.openComplaints * 8),
    flaggedRecruiters: Math.min(RISK_CEILINGS.flaggedRecruiters, facts.flaggedRecruiters * 12),
    sector: SECTOR_RISK[facts.sector],
  }
}

/**
 * The score alone, for ranking a whole district: the same sum as worksiteRisk's, without
 * building the words for 20,000 worksites of which a page of 25 is shown (they cost 30-60 ms).
 */
export function worksiteRiskScore(facts: WorksiteRiskFacts): number {
  const p = riskPoints(facts)
  return p.timeSinceInspection + p.indicators + p.complaints + p.flaggedRecruiters + p.sector
}

export function worksiteRisk(facts: WorksiteRiskFacts, sectorLabel: (s: Sector) => string): WorksiteRisk {
  const points = riskPoints(facts)
  const reasons: RiskReason[] = []
  const add = (points: number, reason: string) => {
    if (points > 0) reasons.push({ points, reason })
  }
  const days = facts.daysSinceLastInspection
  add(
    points.timeSinceInspection,
    days === null ? 'Never inspected' : `Last inspected ${plural(monthsSince(days), 'month', 'months')} ago`,
  )
  // "1 forced-labour indicator observed and 2 suspected at past inspections".
  const { indicatorsObserved: observed, indicatorsSuspected: suspected } = facts
  const indicators = (n: number) => plural(n, 'forced-labour indicator', 'forced-labour indicators')
  const indicatorWords =
    observed > 0 && suspected > 0
      ? `${indicators(observed)} observed and ${suspected} suspected`
      : observed > 0
        ? `${indicators(observed)} observed`
        : `${indicators(suspected)} suspected`
  add(points.indicators, `${indicatorWords} at past inspections`)
  add(
    points.complaints,
    `${plural(facts.openComplaints, 'open complaint', 'open complaints')} about its recruiters`,
  )
  add(
    points.flaggedRecruiters,
    `Supplied by ${plural(facts.flaggedRecruiters, 'flagged recruiter', 'flagged recruiters')}`,
  )
  add(points.sector, `Sector: ${sectorLabel(facts.sector)}`)
  reasons.sort((a, b) => b.points - a.points)
  return { score: reasons.reduce((sum, r) => sum + r.points, 0), reasons }
}
