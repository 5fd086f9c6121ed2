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

// What each fact is worth before its ceiling. The due list's ranking computes the same sum in
// SQL from these numbers (src/inspections/due.ts; a test holds the two to agreement).
export const RISK_WEIGHTS = {
  /** Points per whole month (30 days) since the last visit. */
  perMonthSinceInspection: 2,
  perIndicatorObserved: 10,
  perIndicatorSuspected: 4,
  perOpenComplaint: 8,
  perFlaggedRecruiter: 12,
} as const

/** Days in a month, as the score counts months since the last visit. */
export const DAYS_PER_MONTH = 30

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`

/** Whole months since the last visit, as the score counts them. */
const monthsSince = (days: number) => Math.floor(days / DAYS_PER_MONTH)

/** The points of each part, each within its ceiling. */
function riskPoints(facts: WorksiteRiskFacts) {
  return {
    // Two points a month since the last visit, up to the ceiling (15 months).
    timeSinceInspection:
      facts.daysSinceLastInspection === null
        ? RISK_CEILINGS.timeSinceInspection
        : Math.min(
            RISK_CEILINGS.timeSinceInspection,
            monthsSince(facts.daysSinceLastInspection) * RISK_WEIGHTS.perMonthSinceInspection,
          ),
    indicators: Math.min(
      RISK_CEILINGS.indicators,
      facts.indicatorsObserved * RISK_WEIGHTS.perIndicatorObserved +
        facts.indicatorsSuspected * RISK_WEIGHTS.perIndicatorSuspected,
    ),
    complaints: Math.min(RISK_CEILINGS.complaints, facts.openComplaints * RISK_WEIGHTS.perOpenComplaint),
    flaggedRecruiters: Math.min(
      RISK_CEILINGS.flaggedRecruiters,
      facts.flaggedRecruiters * RISK_WEIGHTS.perFlaggedRecruiter,
    ),
    sector: SECTOR_RISK[facts.sector],
  }
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
