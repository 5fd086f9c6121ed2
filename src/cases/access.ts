import type { SessionUser } from '../http/env.js'
import type { Role } from '../vocabulary.js'
import type { CaseActor } from './stages.js'

// Criminal cases are for those who investigate and prosecute them, and administrators who keep
// the registry: suspects' names and ID numbers are on these pages. Licensing officers see, on an
// agency's page, only that cases name it and at which stage; analysts see figures.
export const CASE_READERS: Role[] = ['police_officer', 'prosecutor', 'admin']
/** Who sees, on an agency's page, the cases naming it and their stage (no suspects' names). */
export const CASES_SEEN_ON_AGENCY_PAGE: Role[] = [
  'licensing_officer',
  'licensing_manager',
  'admin',
  'police_officer',
  'prosecutor',
]
/** The police open cases; the state machine decides who takes each later step. */
export const CASE_OPENERS: Role[] = ['police_officer']
export const CASE_STEPPERS: Role[] = ['police_officer', 'prosecutor']

export function caseActorOf(user: SessionUser): CaseActor {
  return { role: user.role, district: user.role === 'police_officer' ? user.homeDistrict : null }
}

export function canOpenCases(user: SessionUser | null): boolean {
  return user !== null && CASE_OPENERS.includes(user.role)
}
