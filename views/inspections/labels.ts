import type {
  Indicator,
  IndicatorLevel,
  InspectionOutcome,
  InspectionType,
  LabourFinding,
  OtherAgency,
  ReferralDestination,
} from '../../src/inspections/rules.js'

// The words inspectors and police read on the inspection form and record.

export const INDICATOR_LABELS: Record<Indicator, string> = {
  abuse_of_vulnerability: 'Abuse of vulnerability',
  deception: 'Deception',
  restriction_of_movement: 'Restriction of movement',
  isolation: 'Isolation',
  physical_and_sexual_violence: 'Physical and sexual violence',
  intimidation_and_threats: 'Intimidation and threats',
  retention_of_identity_documents: 'Retention of identity documents',
  withholding_of_wages: 'Withholding of wages',
  debt_bondage: 'Debt bondage',
  abusive_working_and_living_conditions: 'Abusive working and living conditions',
  excessive_overtime: 'Excessive overtime',
}

export const LEVEL_LABELS: Record<IndicatorLevel, string> = {
  not_observed: 'Not observed',
  suspected: 'Suspected',
  observed: 'Observed',
}

export const TYPE_LABELS: Record<InspectionType, string> = {
  routine: 'Routine',
  complaint_led: 'Following up a complaint',
  follow_up: 'Follow-up of an earlier inspection',
  joint_operation: 'Joint operation',
}

export const LABOUR_FINDING_LABELS: Record<LabourFinding, string> = {
  no_written_contracts: 'No written contracts',
  below_minimum_wage: 'Pay below the minimum wage',
  excessive_hours: 'Excessive hours',
  unsafe_conditions: 'Unsafe conditions',
  child_labour: 'Child labour',
  no_payslips: 'No payslips',
  other: 'Other',
}

export const OUTCOME_LABELS: Record<InspectionOutcome, string> = {
  no_issue: 'No issue found',
  advice_given: 'Advice given',
  compliance_order: 'Compliance order',
  criminal_investigation: 'Criminal investigation opened',
}

export const OTHER_AGENCY_LABELS: Record<OtherAgency, string> = {
  immigration: 'Immigration',
  social_welfare: 'Social welfare',
  other: 'Other',
}

export const DESTINATION_LABELS: Record<ReferralDestination, string> = {
  social_welfare: 'Social welfare',
  ngo_shelter: 'Shelter run by an NGO',
  health_services: 'Health services',
  police_anti_trafficking_unit: 'Police anti-trafficking unit',
}

export const VICTIM_GROUP_LABELS = {
  female_under_18: 'Girls (under 18)',
  female_adult: 'Women (18 and over)',
  male_under_18: 'Boys (under 18)',
  male_adult: 'Men (18 and over)',
} as const

export const HEADCOUNT_LABELS = {
  workers_present: 'Workers present',
  workers_interviewed: 'Workers interviewed',
  women: 'Women',
  men: 'Men',
  under_18: 'Under 18',
  foreign_nationals: 'Foreign nationals',
} as const

/** What a photo is evidence of, in words: "Indicator: Debt bondage", "Recruiter 2". */
export function photoSubjectLabel(subject: string): string {
  const [kind, value] = subject.split(':') as [string, string | undefined]
  if (kind === 'indicator' && value) return `Indicator: ${INDICATOR_LABELS[value as Indicator] ?? value}`
  if (kind === 'finding' && value)
    return `Labour standards: ${LABOUR_FINDING_LABELS[value as LabourFinding] ?? value}`
  if (kind === 'recruiter' && value) return `Recruiter ${value}`
  return 'The visit'
}
