import type { District, Role } from '../vocabulary.js'

// A criminal case's stages (issue 20), as a pure machine like the licence lifecycle: the police
// investigate and send it to the Director of Public Prosecutions; the DPP's prosecutor charges it
// in court and, once the court has ruled, closes it. Either may close it without charge, with a
// reason. Each step has a date, an actor and an event; one that ends the case has a reason.

export const CASE_STAGES = ['under_investigation', 'sent_to_dpp', 'charged', 'verdict', 'closed'] as const
export type CaseStage = (typeof CASE_STAGES)[number]

export const CASE_STAGE_LABELS: Record<CaseStage, string> = {
  under_investigation: 'Under investigation',
  sent_to_dpp: 'Sent to the Director of Public Prosecutions',
  charged: 'Charged in court',
  verdict: 'Verdict given',
  closed: 'Closed',
}

export const OFFENCES = [
  'trafficking_labour',
  'trafficking_other',
  'fraud',
  'unlicensed_recruitment',
  'other',
] as const
export type Offence = (typeof OFFENCES)[number]

export const OFFENCE_LABELS: Record<Offence, string> = {
  trafficking_labour: 'Trafficking in persons for labour exploitation',
  trafficking_other: 'Trafficking in persons (other forms)',
  fraud: 'Fraud',
  unlicensed_recruitment: 'Unlicensed recruitment or charging recruitment fees (labour law)',
  other: 'Other offence',
}

export const CASE_ACTIONS = [
  'send_to_dpp',
  'charge',
  'record_verdict',
  'close',
  'close_without_charge',
] as const
export type CaseAction = (typeof CASE_ACTIONS)[number]

export const CASE_ACTION_LABELS: Record<CaseAction, string> = {
  send_to_dpp: 'Send to the Director of Public Prosecutions',
  charge: 'Record the charge in court',
  record_verdict: 'Record the verdict',
  close: 'Close the case',
  close_without_charge: 'Close without charge',
}

/** Who is acting: their role and, for the police, their home district. */
export interface CaseActor {
  role: Role
  district: District | null
}

export type CaseStep = { ok: true; to: CaseStage } | { ok: false; reason: string }

const refuse = (reason: string): CaseStep => ({ ok: false, reason })

/** Police of the case's own district investigate it; police elsewhere only read it. */
function investigates(actor: CaseActor, caseDistrict: District): boolean {
  return actor.role === 'police_officer' && actor.district === caseDistrict
}

/** What the steps depend on besides the stage: the suspects recorded, and whether the court has ruled on each. */
export interface CaseFacts {
  suspects: number
  ruledOnAll: boolean
}
const NO_FACTS: CaseFacts = { suspects: 0, ruledOnAll: false }

/**
 * The stage an action leads to, or why it cannot be taken here. A charge needs a suspect; the
 * verdict step needs the court's ruling on every suspect (and a case is closed after it).
 */
export function caseTransition(
  from: CaseStage,
  action: CaseAction,
  actor: CaseActor,
  caseDistrict: District,
  facts: CaseFacts = NO_FACTS,
): CaseStep {
  if (from === 'closed') return refuse('This case is closed.')
  switch (action) {
    case 'send_to_dpp':
      if (!investigates(actor, caseDistrict))
        return refuse(`Only a police officer of ${caseDistrict} sends its cases to the DPP.`)
      if (from !== 'under_investigation') return refuse('This case has already gone to the DPP.')
      return { ok: true, to: 'sent_to_dpp' }
    case 'charge':
      if (actor.role !== 'prosecutor') return refuse('Only a prosecutor records a charge.')
      if (from !== 'sent_to_dpp')
        return refuse(
          from === 'under_investigation'
            ? 'The police have not sent this case to the DPP yet.'
            : 'This case has already been charged.',
        )
      if (facts.suspects === 0) return refuse('Add the suspects charged first.')
      return { ok: true, to: 'charged' }
    case 'record_verdict':
      if (actor.role !== 'prosecutor') return refuse('Only a prosecutor records a verdict.')
      if (from !== 'charged') return refuse('A verdict is recorded once the case is charged, and only once.')
      if (!facts.ruledOnAll) return refuse('Give the court’s ruling for every suspect charged first.')
      return { ok: true, to: 'verdict' }
    case 'close':
      if (actor.role !== 'prosecutor') return refuse('Only a prosecutor closes a case after its verdict.')
      if (from !== 'verdict') return refuse('A case is closed after its verdict, or closed without charge.')
      return { ok: true, to: 'closed' }
    case 'close_without_charge':
      if (from === 'under_investigation') {
        if (!investigates(actor, caseDistrict))
          return refuse(`Only a police officer of ${caseDistrict} closes an investigation of its own.`)
        return { ok: true, to: 'closed' }
      }
      if (from === 'sent_to_dpp') {
        if (actor.role !== 'prosecutor')
          return refuse('The DPP has this case: only a prosecutor closes it now.')
        return { ok: true, to: 'closed' }
      }
      return refuse('This case has been charged: the court’s verdict ends it, not a closure without charge.')
  }
}

/** The actions this actor may take on a case at this stage (the page offers these). */
export function allowedCaseActions(
  from: CaseStage,
  actor: CaseActor,
  caseDistrict: District,
  facts: CaseFacts = NO_FACTS,
): CaseAction[] {
  return CASE_ACTIONS.filter((a) => caseTransition(from, a, actor, caseDistrict, facts).ok)
}

/** An action that ends the case or its investigation needs a reason. */
export function needsReason(action: CaseAction): boolean {
  return action === 'close_without_charge' || action === 'close'
}

/** Whole days a case has waited in its stage. */
export function daysInStage(stageSince: string, today: string): number {
  return Math.max(0, Math.round((Date.parse(today) - Date.parse(stageSince)) / 86_400_000))
}

/** The backlog's ages: open (not closed) for more than 6, 12 or 24 months since the investigation opened. */
export const CASE_AGES = ['6', '12', '24'] as const
export type CaseAge = (typeof CASE_AGES)[number]
export const CASE_AGE_LABELS: Record<CaseAge, string> = {
  '6': 'Open more than 6 months',
  '12': 'Open more than 12 months',
  '24': 'Open more than 24 months',
}

/**
 * Whether this actor ever takes this step on a case of this district, whatever its stage: the
 * police of the district send and close investigations, the prosecutor charges, rules and closes.
 */
export function actorTakes(action: CaseAction, actor: CaseActor, caseDistrict: District): boolean {
  const police = investigates(actor, caseDistrict)
  const prosecutor = actor.role === 'prosecutor'
  return action === 'send_to_dpp'
    ? police
    : action === 'close_without_charge'
      ? police || prosecutor
      : prosecutor
}
