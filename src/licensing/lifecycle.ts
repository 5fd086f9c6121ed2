import { formatDate } from '../format.js'
import { addDays, addMonths } from '../time.js'

// The licence state machine (DESIGN.md, "Licences"). Pure: no I/O. Routes call these inside
// the transaction that writes the change, its licence event and its audit entry.
//
//   application: submitted -> approved | refused | withdrawn
//   licence:     active -> suspended -> active (reinstated)
//                active | suspended -> revoked        (terminal)
//                active -> surrendered                (terminal)
//                "expired" is derived: active with expires_on before today

export const APPLICATION_STATUSES = ['submitted', 'approved', 'refused', 'withdrawn'] as const
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number]
export const APPLICATION_KINDS = ['new', 'renewal'] as const
export type ApplicationKind = (typeof APPLICATION_KINDS)[number]
export const DECISIONS = ['approve', 'refuse', 'withdraw'] as const
export type Decision = (typeof DECISIONS)[number]

export const LICENCE_STATUSES = ['active', 'suspended', 'revoked', 'surrendered'] as const
export type LicenceStatus = (typeof LICENCE_STATUSES)[number]
export const LICENCE_ACTIONS = ['suspend', 'reinstate', 'revoke', 'surrender'] as const
export type LicenceAction = (typeof LICENCE_ACTIONS)[number]

export const DEFAULT_VALIDITY_MONTHS = 12

export type Refusal = { ok: false; reason: string }

const LICENCE_TRANSITIONS: Record<LicenceAction, { from: readonly LicenceStatus[]; to: LicenceStatus }> = {
  suspend: { from: ['active'], to: 'suspended' },
  reinstate: { from: ['suspended'], to: 'active' },
  revoke: { from: ['active', 'suspended'], to: 'revoked' },
  surrender: { from: ['active'], to: 'surrendered' },
}

export const TERMINAL_STATUSES: readonly LicenceStatus[] = ['revoked', 'surrendered']

const STATUS_WORDS: Record<LicenceStatus, string> = {
  active: 'active',
  suspended: 'suspended',
  revoked: 'revoked',
  surrendered: 'surrendered',
}

/** Whether `action` may be taken on a licence in `from`, and the status it leads to. */
export function licenceTransition(
  from: LicenceStatus,
  action: LicenceAction,
): { ok: true; to: LicenceStatus } | Refusal {
  const rule = LICENCE_TRANSITIONS[action]
  if (rule.from.includes(from)) return { ok: true, to: rule.to }
  return { ok: false, reason: `A ${STATUS_WORDS[from]} licence cannot be ${pastTense(action)}.` }
}

/** The actions offered for a licence in this status. */
export function allowedLicenceActions(from: LicenceStatus): LicenceAction[] {
  return LICENCE_ACTIONS.filter((a) => LICENCE_TRANSITIONS[a].from.includes(from))
}

function pastTense(action: LicenceAction): string {
  return { suspend: 'suspended', reinstate: 'reinstated', revoke: 'revoked', surrender: 'surrendered' }[
    action
  ]
}

/** Which application an agency may make now: a first licence, a renewal, or none. */
export function applicationKindFor(
  licence: { status: LicenceStatus } | null,
): { ok: true; kind: ApplicationKind } | Refusal {
  if (!licence) return { ok: true, kind: 'new' }
  if (licence.status === 'active') return { ok: true, kind: 'renewal' }
  if (licence.status === 'suspended') {
    return { ok: false, reason: 'The licence is suspended. It must be reinstated before it can be renewed.' }
  }
  return {
    ok: false,
    reason: `The licence was ${STATUS_WORDS[licence.status]}. An agency holds one licence number for life, so it cannot apply again.`,
  }
}

export interface LicenceDates {
  issued_on: string
  expires_on: string
}

export type DecisionOutcome =
  | {
      ok: true
      applicationStatus: 'approved'
      licence: { effect: 'issue' | 'extend'; status: 'active' } & LicenceDates
    }
  | { ok: true; applicationStatus: 'refused' | 'withdrawn'; licence: null }

/**
 * The result of deciding an application. Approval of a new application issues the licence;
 * approval of a renewal extends it from its expiry (or from today, if it has already expired).
 * A licence runs `validityMonths` from its first day up to and including `expires_on`.
 */
export function decideApplication(
  application: { status: ApplicationStatus; kind: ApplicationKind },
  licence: ({ status: LicenceStatus } & LicenceDates) | null,
  decision: Decision,
  today: string,
  validityMonths = DEFAULT_VALIDITY_MONTHS,
): DecisionOutcome | Refusal {
  if (application.status !== 'submitted') {
    return { ok: false, reason: `This application was already ${application.status}.` }
  }
  if (decision === 'refuse') return { ok: true, applicationStatus: 'refused', licence: null }
  if (decision === 'withdraw') return { ok: true, applicationStatus: 'withdrawn', licence: null }

  if (application.kind === 'new') {
    if (licence)
      return {
        ok: false,
        reason: 'This agency already has a licence number; it needs a renewal, not a new licence.',
      }
    return {
      ok: true,
      applicationStatus: 'approved',
      licence: {
        effect: 'issue',
        status: 'active',
        issued_on: today,
        expires_on: addDays(addMonths(today, validityMonths), -1),
      },
    }
  }
  if (!licence) return { ok: false, reason: 'There is no licence to renew.' }
  if (licence.status !== 'active') {
    return { ok: false, reason: `A ${STATUS_WORDS[licence.status]} licence cannot be renewed.` }
  }
  const from = licence.expires_on >= today ? addDays(licence.expires_on, 1) : today
  return {
    ok: true,
    applicationStatus: 'approved',
    licence: {
      effect: 'extend',
      status: 'active',
      issued_on: licence.issued_on,
      expires_on: addDays(addMonths(from, validityMonths), -1),
    },
  }
}

/** What the public and the staff lists call an agency's position. */
export type Standing =
  | 'licensed'
  | 'pending'
  | 'suspended'
  | 'revoked'
  | 'surrendered'
  | 'expired'
  | 'not_licensed'

export function standing(
  licence: { status: LicenceStatus; expires_on: string } | null,
  hasPendingApplication: boolean,
  today: string,
): Standing {
  if (!licence) return hasPendingApplication ? 'pending' : 'not_licensed'
  if (licence.status === 'active') return licence.expires_on < today ? 'expired' : 'licensed'
  return licence.status
}

export const STANDING_LABELS: Record<Standing, string> = {
  licensed: 'Licensed',
  pending: 'Application pending, not yet licensed',
  suspended: 'Suspended',
  revoked: 'Revoked',
  surrendered: 'Surrendered',
  expired: 'Expired',
  not_licensed: 'Not licensed',
}

/** Renewal reminders: the GLAA sends them at 6 and 3 weeks before expiry. */
export function reminderBand(
  expiresOn: string,
  today: string,
): 'expired' | 'within_3_weeks' | 'within_6_weeks' | null {
  if (expiresOn < today) return 'expired'
  if (expiresOn <= addDays(today, 21)) return 'within_3_weeks'
  if (expiresOn <= addDays(today, 42)) return 'within_6_weeks'
  return null
}

// Due process (Singapore MOM's model): before a licence is suspended or revoked the agency gets
// a notice of the intended action with its grounds and a date by which it may make
// representations; the officer records what it said (or that nothing came by the date) and
// then proceeds or withdraws the notice. An immediate suspension pending investigation stays
// possible for urgent cases. Revocation comes only through a notice.
//
//   notice: open -> proceeded (the suspension or revocation takes effect) | withdrawn

export const NOTICE_ACTIONS = ['suspend', 'revoke'] as const
export type NoticeAction = (typeof NOTICE_ACTIONS)[number]
export const NOTICE_STATUSES = ['open', 'proceeded', 'withdrawn'] as const
export type NoticeStatus = (typeof NOTICE_STATUSES)[number]
export const NOTICE_DECISIONS = ['proceed', 'withdraw'] as const
export type NoticeDecision = (typeof NOTICE_DECISIONS)[number]
export const DEFAULT_REPRESENTATION_DAYS = 21

/** The actions an officer takes on a licence directly; revocation needs a notice first. */
export const DIRECT_LICENCE_ACTIONS = [
  'suspend',
  'reinstate',
  'surrender',
] as const satisfies readonly LicenceAction[]
export type DirectLicenceAction = (typeof DIRECT_LICENCE_ACTIONS)[number]

/** What the public is told of a suspension or revocation: a category, never officers' words. */
export const PUBLIC_REASONS = [
  'recruitment_fees',
  'deception',
  'documents_retained',
  'licence_conditions',
  'false_information',
  'other_breach',
] as const
export type PublicReason = (typeof PUBLIC_REASONS)[number]

/** The day by which the agency may make representations: `days` after the notice is given. */
export function representationsDue(givenOn: string, days = DEFAULT_REPRESENTATION_DAYS): string {
  return addDays(givenOn, days)
}

/** The shortest time an agency is given to answer a notice. */
export const MIN_REPRESENTATION_DAYS = 7

/** What is wrong with a notice's dates, by field: too little time to answer, or a suspension over before it. */
export function noticeDateProblems(
  notice: { respond_by: string; suspended_until?: string | undefined },
  today: string,
): Record<string, string> {
  const problems: Record<string, string> = {}
  if (notice.respond_by < addDays(today, MIN_REPRESENTATION_DAYS))
    problems.respond_by = `Give the agency at least ${MIN_REPRESENTATION_DAYS} days to make representations`
  if (notice.suspended_until && notice.suspended_until <= notice.respond_by)
    problems.suspended_until = 'The suspension would be over before the agency’s time to answer ends'
  return problems
}

/** Whether a notice of `action` may be given on a licence in `status`. */
export function noticeAllowed(
  status: LicenceStatus,
  action: NoticeAction,
  openNotice: boolean,
): { ok: true } | Refusal {
  if (openNotice)
    return { ok: false, reason: 'A notice on this licence is already open: decide it or withdraw it first.' }
  const step = licenceTransition(status, action)
  return step.ok ? { ok: true } : step
}

export interface NoticeState {
  status: NoticeStatus
  respond_by: string
  /** What the agency said was recorded, or that it said nothing by the date. */
  answered: boolean
}

/**
 * Whether the agency's representations may be recorded now: what it said while the notice is
 * open, or that none came, which can only be said once the date has passed.
 */
export function representationsAllowed(
  notice: NoticeState,
  kind: 'received' | 'none',
  today: string,
): { ok: true } | Refusal {
  if (notice.status !== 'open') return { ok: false, reason: `This notice was already ${notice.status}.` }
  if (kind === 'none' && today <= notice.respond_by)
    return {
      ok: false,
      reason: `The agency may make representations until ${formatDate(notice.respond_by)}: “none received” can be recorded only after that day.`,
    }
  return { ok: true }
}

/**
 * A decision on a notice: withdrawing is always possible while it is open; proceeding needs the
 * agency's representations recorded (or that none came by the date), and the licence still able
 * to take the action. Proceeding gives the licence's new status.
 */
export function decideNotice(
  notice: NoticeState & { action: NoticeAction },
  decision: NoticeDecision,
  licence: LicenceStatus,
): { ok: true; notice: 'proceeded' | 'withdrawn'; licence: LicenceStatus | null } | Refusal {
  if (notice.status !== 'open') return { ok: false, reason: `This notice was already ${notice.status}.` }
  if (decision === 'withdraw') return { ok: true, notice: 'withdrawn', licence: null }
  if (!notice.answered)
    return {
      ok: false,
      reason: 'Record the agency’s representations first, or, once the date has passed, that none came.',
    }
  const step = licenceTransition(licence, notice.action)
  if (!step.ok) return step
  return { ok: true, notice: 'proceeded', licence: step.to }
}

/** Days left for representations: 0 on the last day, negative once it has passed. */
export function daysToRespond(respondBy: string, today: string): number {
  return Math.round((Date.parse(respondBy) - Date.parse(today)) / 86_400_000)
}

/** How long the principal and directors of a revoked agency are barred from a new one. */
export const DEFAULT_BAR_YEARS = 5

/** The last day a person of an agency revoked on `revokedOn` is barred: `years` years on. */
export function barredUntil(revokedOn: string, years = DEFAULT_BAR_YEARS): string {
  return addDays(addMonths(revokedOn, 12 * years), -1)
}

// Appeals (a refusal, suspension or revocation): lodged within APPEAL_DAYS of the decision,
// decided by a licensing manager who did not take the decision. Overturning a refusal returns the
// application to `submitted`; overturning a suspension or revocation restores the licence's
// earlier status with the same expiry. Revoked is terminal except through a successful appeal.
//
//   appeal: lodged -> upheld | overturned

export const APPEAL_AGAINST = ['refusal', 'suspension', 'revocation'] as const
export type AppealAgainst = (typeof APPEAL_AGAINST)[number]
export const APPEAL_STATUSES = ['lodged', 'upheld', 'overturned'] as const
export type AppealStatus = (typeof APPEAL_STATUSES)[number]
export const APPEAL_DECISIONS = ['uphold', 'overturn'] as const
export type AppealDecision = (typeof APPEAL_DECISIONS)[number]
export const DEFAULT_APPEAL_DAYS = 14

/** The last day an appeal may be lodged against a decision taken on `decidedOn`. */
export function appealDeadline(decidedOn: string, days = DEFAULT_APPEAL_DAYS): string {
  return addDays(decidedOn, days)
}

/** Whether an appeal lodged on `lodgedOn` against a decision of `decidedOn` is in time. */
export function appealInTime(
  decidedOn: string,
  lodgedOn: string,
  days = DEFAULT_APPEAL_DAYS,
): { ok: true } | Refusal {
  if (lodgedOn < decidedOn) return { ok: false, reason: 'An appeal cannot be lodged before the decision.' }
  if (lodgedOn > appealDeadline(decidedOn, days))
    return {
      ok: false,
      reason: `The time to appeal ended on ${formatDate(appealDeadline(decidedOn, days))}, ${days} days after the decision.`,
    }
  return { ok: true }
}

/**
 * A decision on an appeal: only by a licensing manager, never by the one who took the decision
 * appealed, and once. Overturning says what the licence or application becomes.
 */
export function decideAppeal(
  appeal: { status: AppealStatus; against: AppealAgainst; decided_by_officer: string | null },
  decision: AppealDecision,
  decider: { id: string; role: string },
  /** For a suspension or revocation: the licence's status now, and the one before the decision. */
  licence: { now: LicenceStatus; before: LicenceStatus } | null,
):
  | {
      ok: true
      appeal: 'upheld' | 'overturned'
      licence: LicenceStatus | null
      application: 'submitted' | null
    }
  | Refusal {
  if (decider.role !== 'licensing_manager')
    return { ok: false, reason: 'Only a licensing manager decides appeals.' }
  if (appeal.decided_by_officer === decider.id)
    return {
      ok: false,
      reason: 'The appeal must be decided by someone other than the one who took the decision.',
    }
  if (appeal.status !== 'lodged') return { ok: false, reason: `This appeal was already ${appeal.status}.` }
  if (decision === 'uphold') return { ok: true, appeal: 'upheld', licence: null, application: null }
  if (appeal.against === 'refusal')
    return { ok: true, appeal: 'overturned', licence: null, application: 'submitted' }
  const appealed: LicenceStatus = appeal.against === 'suspension' ? 'suspended' : 'revoked'
  if (!licence || licence.now !== appealed)
    return {
      ok: false,
      reason: `The licence is no longer ${appealed}: the decision appealed has already been undone or replaced.`,
    }
  return { ok: true, appeal: 'overturned', licence: licence.before, application: null }
}
