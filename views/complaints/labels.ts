import type { ComplaintCategory, ComplaintStatus, Outcome } from '../../src/complaints/rules.js'
import { sentenceOf } from '../components/code-words.js'

// The words staff read for a complaint's codes. Staff see the categories in the reporter's own
// English wording.
export const CATEGORY_LABELS: Record<ComplaintCategory, string> = {
  recruitment_fee: 'Recruitment fee charged',
  deception: 'Deception / false job offer',
  contract_substitution: 'Contract substitution',
  documents_retained: 'Identity documents retained',
  unlicensed_recruitment: 'Unlicensed recruitment',
  wages_withheld: 'Wages withheld',
  other: 'Other',
}

export const STATUS_LABELS: Record<ComplaintStatus, string> = {
  received: 'Received',
  under_review: 'Under review',
  decided: 'Decided',
  closed: 'Closed',
}

export const OUTCOME_LABELS: Record<Outcome, string> = {
  substantiated: 'substantiated',
  unsubstantiated: 'not substantiated',
}

/** A step in a complaint's history, as its History table names it. */
export const COMPLAINT_EVENT_LABELS: Record<string, string> = {
  assigned: 'Assigned',
  note: 'Note added',
  linked: 'Linked to an agency',
  recorded_unlicensed: 'Recruiter recorded as unlicensed',
  referred_to_police: 'Referred to the police',
  closed: 'Closed',
  substantiated: 'Decided: substantiated',
  unsubstantiated: 'Decided: not substantiated',
}

export const complaintEventLabel = (event: string) => COMPLAINT_EVENT_LABELS[event] ?? sentenceOf(event)
