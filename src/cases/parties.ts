import type { District } from '../vocabulary.js'
import type { CaseActor, CaseFacts, CaseStage } from './stages.js'

// Who a case is against and whom it is for (issue 20), in the categories the UNODC
// questionnaire counts. Suspects are named (for police, prosecutors and administrators alone);
// victims are counts only, never a name.

/** A registered agency or an employer is a legal person; the other two are people. */
export const SUSPECT_KINDS = ['agency', 'agency_person', 'employer', 'unlisted_recruiter'] as const
export type SuspectKind = (typeof SUSPECT_KINDS)[number]
export const SUSPECT_KIND_LABELS: Record<SuspectKind, string> = {
  agency: 'A registered agency',
  agency_person: 'A person of a registered agency (principal, director or staff)',
  employer: 'An employer (a company)',
  unlisted_recruiter: 'A recruiter not in the register (a person)',
}
export const isPerson = (kind: SuspectKind) => kind === 'agency_person' || kind === 'unlisted_recruiter'

export const AGENCY_LINKS = ['principal', 'director', 'staff'] as const
export type AgencyLink = (typeof AGENCY_LINKS)[number]
export const AGENCY_LINK_LABELS: Record<AgencyLink, string> = {
  principal: 'Principal',
  director: 'Director',
  staff: 'Staff',
}

export const SUSPECT_ROLES = ['recruiter', 'transporter', 'exploiter', 'organiser', 'other'] as const
export type SuspectRole = (typeof SUSPECT_ROLES)[number]
export const SUSPECT_ROLE_LABELS: Record<SuspectRole, string> = {
  recruiter: 'Recruiter',
  transporter: 'Transporter',
  exploiter: 'Exploiter (employer or controller of the work)',
  organiser: 'Organiser or financier',
  other: 'Other role',
}

export const SEXES = ['female', 'male', 'unknown'] as const
export type Sex = (typeof SEXES)[number]
export const SEX_LABELS: Record<Sex, string> = { female: 'Female', male: 'Male', unknown: 'Not known' }

export const AGE_GROUPS = ['under_18', 'adult', 'unknown'] as const
export type AgeGroup = (typeof AGE_GROUPS)[number]
export const AGE_GROUP_LABELS: Record<AgeGroup, string> = {
  under_18: 'Child (under 18)',
  adult: 'Adult (18 or over)',
  unknown: 'Age not known',
}

/** A nationality is a country code, or not known. */
export const UNKNOWN_NATIONALITY = 'unknown'

export const EXPLOITATION_FORMS = [
  'forced_labour',
  'domestic_servitude',
  'sexual_exploitation',
  'forced_criminality',
  'other',
  'not_known',
] as const
export type ExploitationForm = (typeof EXPLOITATION_FORMS)[number]
export const EXPLOITATION_LABELS: Record<ExploitationForm, string> = {
  forced_labour: 'Forced labour',
  domestic_servitude: 'Domestic servitude',
  sexual_exploitation: 'Sexual exploitation',
  forced_criminality: 'Forced criminal activity',
  other: 'Other exploitation',
  not_known: 'Not known yet',
}

export const VERDICTS = ['convicted', 'acquitted', 'withdrawn'] as const
export type Verdict = (typeof VERDICTS)[number]
export const VERDICT_LABELS: Record<Verdict, string> = {
  convicted: 'Convicted',
  acquitted: 'Acquitted',
  withdrawn: 'Charges withdrawn',
}

/**
 * Who may add suspects and victims at this stage: the police of the case's district while they
 * investigate it and until it is charged; the prosecutor once it is with the DPP and until the
 * court has ruled. Nobody once there is a verdict.
 */
export function canChangeParties(stage: CaseStage, actor: CaseActor, caseDistrict: District): boolean {
  if (actor.role === 'police_officer')
    return actor.district === caseDistrict && (stage === 'under_investigation' || stage === 'sent_to_dpp')
  if (actor.role === 'prosecutor') return stage === 'sent_to_dpp' || stage === 'charged'
  return false
}

/** The prosecutor records each suspect's verdict while the case is in court. */
export function canRecordSuspectVerdict(stage: CaseStage, actor: CaseActor): boolean {
  return actor.role === 'prosecutor' && stage === 'charged'
}

export interface SuspectOutcome {
  verdict: Verdict | null
  overturned_on: string | null
}

/** What the case's steps need to know of its suspects: how many, and whether the court ruled on each. */
export function caseFactsOf(suspects: readonly SuspectOutcome[]): CaseFacts {
  return {
    suspects: suspects.length,
    ruledOnAll: suspects.length > 0 && suspects.every((s) => s.verdict !== null),
  }
}

/** A conviction stands unless it was overturned on appeal. */
export function standsConvicted(s: SuspectOutcome): boolean {
  return s.verdict === 'convicted' && s.overturned_on === null
}

/** The prosecutor records an appeal that overturned a conviction, at any time after it. */
export function canOverturn(s: SuspectOutcome, actor: CaseActor): boolean {
  return actor.role === 'prosecutor' && standsConvicted(s)
}
