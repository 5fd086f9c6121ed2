import type { ComplaintCategory } from '../complaints/rules.js'

// Joint inspections (DESIGN.md, "Joint inspections"): the vocabularies of the record and the
// rule that turns what an inspection saw into findings against the recruiters who supplied the
// workers. Pure: no I/O.

/** The 11 ILO indicators of forced labour, in the ILO's order. */
export const INDICATORS = [
  'abuse_of_vulnerability',
  'deception',
  'restriction_of_movement',
  'isolation',
  'physical_and_sexual_violence',
  'intimidation_and_threats',
  'retention_of_identity_documents',
  'withholding_of_wages',
  'debt_bondage',
  'abusive_working_and_living_conditions',
  'excessive_overtime',
] as const
export type Indicator = (typeof INDICATORS)[number]

export const INDICATOR_LEVELS = ['not_observed', 'suspected', 'observed'] as const
export type IndicatorLevel = (typeof INDICATOR_LEVELS)[number]

export const INSPECTION_TYPES = ['routine', 'complaint_led', 'follow_up', 'joint_operation'] as const
export type InspectionType = (typeof INSPECTION_TYPES)[number]

export const LABOUR_FINDINGS = [
  'no_written_contracts',
  'below_minimum_wage',
  'excessive_hours',
  'unsafe_conditions',
  'child_labour',
  'no_payslips',
  'other',
] as const
export type LabourFinding = (typeof LABOUR_FINDINGS)[number]

export const OUTCOMES = ['no_issue', 'advice_given', 'compliance_order', 'criminal_investigation'] as const
export type InspectionOutcome = (typeof OUTCOMES)[number]

export const OTHER_AGENCIES = ['immigration', 'social_welfare', 'other'] as const
export type OtherAgency = (typeof OTHER_AGENCIES)[number]

/** Where potential victims were referred through the National Referral Mechanism. */
export const REFERRAL_DESTINATIONS = [
  'social_welfare',
  'ngo_shelter',
  'health_services',
  'police_anti_trafficking_unit',
] as const
export type ReferralDestination = (typeof REFERRAL_DESTINATIONS)[number]

export const INSPECTION_STATUSES = ['draft', 'submitted'] as const
export type InspectionStatus = (typeof INSPECTION_STATUSES)[number]

// What an indicator seen against a recruiter proves, in the complaint categories the demerit
// points are counted in. Indicators with no category of their own weigh as "other".
export const INDICATOR_CATEGORY: Record<Indicator, ComplaintCategory> = {
  abuse_of_vulnerability: 'other',
  deception: 'deception',
  restriction_of_movement: 'other',
  isolation: 'other',
  physical_and_sexual_violence: 'other',
  intimidation_and_threats: 'other',
  retention_of_identity_documents: 'documents_retained',
  withholding_of_wages: 'wages_withheld',
  debt_bondage: 'recruitment_fee',
  abusive_working_and_living_conditions: 'other',
  excessive_overtime: 'other',
}

/** A recruiter who supplied workers to the worksite, as the inspection recorded it. */
export interface RecruiterSeen {
  /** A registered agency; null for a name the registry does not know. */
  agencyId: string | null
  /** What workers said they paid this recruiter (minor units); 0 or null: nothing. */
  feeAmountMinor: number | null
  /** Indicators the team linked to this recruiter (each must be observed, not only suspected). */
  indicators: readonly Indicator[]
}

/** An internal finding on an agency, waiting for a licensing officer to substantiate it. */
export interface InspectionFinding {
  agencyId: string
  /** What it would prove, in complaint categories (fee first, then in indicator order). */
  categories: ComplaintCategory[]
  indicators: Indicator[]
  feeReported: boolean
}

/**
 * The findings an inspection raises: one per registered agency that workers paid, or that an
 * observed indicator was linked to. Unlisted recruiters raise none here (they go to the
 * unlicensed-recruiters list); a suspected indicator is not evidence enough.
 */
export function findingsFromInspection(
  recruiters: readonly RecruiterSeen[],
  observed: Partial<Record<Indicator, IndicatorLevel>>,
): InspectionFinding[] {
  const byAgency = new Map<string, InspectionFinding>()
  for (const r of recruiters) {
    if (!r.agencyId) continue
    const feeReported = (r.feeAmountMinor ?? 0) > 0
    const indicators = INDICATORS.filter((i) => r.indicators.includes(i) && observed[i] === 'observed')
    if (!feeReported && indicators.length === 0) continue
    const finding = byAgency.get(r.agencyId) ?? {
      agencyId: r.agencyId,
      categories: [],
      indicators: [],
      feeReported: false,
    }
    finding.feeReported ||= feeReported
    for (const i of indicators) if (!finding.indicators.includes(i)) finding.indicators.push(i)
    byAgency.set(r.agencyId, finding)
  }
  for (const finding of byAgency.values()) {
    const categories = [
      ...(finding.feeReported ? (['recruitment_fee'] as const) : []),
      ...INDICATORS.filter((i) => finding.indicators.includes(i)).map((i) => INDICATOR_CATEGORY[i]),
    ]
    finding.indicators = INDICATORS.filter((i) => finding.indicators.includes(i))
    finding.categories = [...new Set(categories)]
  }
  return [...byAgency.values()]
}

/** Potential victims, counted by sex and age group for each referral destination. */
export interface VictimCounts {
  female_under_18: number
  female_adult: number
  male_under_18: number
  male_adult: number
}

export function totalVictims(counts: VictimCounts): number {
  return counts.female_under_18 + counts.female_adult + counts.male_under_18 + counts.male_adult
}

/**
 * Headcounts must add up: the interviewed, the women and men, the under-18s and the foreign
 * nationals are each part of those present. Returns the field and message of each problem.
 */
export function headcountProblems(h: {
  workers_present: number
  workers_interviewed: number
  women: number
  men: number
  under_18: number
  foreign_nationals: number
}): Record<string, string> {
  const present = h.workers_present
  const problems: Record<string, string> = {}
  if (h.workers_interviewed > present)
    problems.workers_interviewed = 'Cannot be more than the workers present'
  if (h.women + h.men > present)
    problems.men = 'Women and men together cannot be more than the workers present'
  if (h.under_18 > present) problems.under_18 = 'Cannot be more than the workers present'
  if (h.foreign_nationals > present) problems.foreign_nationals = 'Cannot be more than the workers present'
  return problems
}

/** The most photos one record takes (a phone's storage is the real limit). */
export const MAX_PHOTOS = 50

/**
 * What a photo is evidence of: the whole visit ("inspection"), one indicator
 * ("indicator:debt_bondage"), a recruiter row ("recruiter:2") or a labour finding
 * ("finding:no_payslips").
 */
export function isPhotoSubject(value: string): boolean {
  return (
    value === 'inspection' ||
    INDICATORS.some((i) => value === `indicator:${i}`) ||
    LABOUR_FINDINGS.some((f) => value === `finding:${f}`) ||
    /^recruiter:([1-9]|1\d|20)$/.test(value)
  )
}
