import { addMonths } from '../time.js'

// Complaints, recruiter flags and demerit points (DESIGN.md, "Complaints and flags"). Pure:
// no I/O. The same rules will take inspection findings once inspections exist.

export const COMPLAINT_CATEGORIES = [
  'recruitment_fee',
  'deception',
  'contract_substitution',
  'documents_retained',
  'unlicensed_recruitment',
  'wages_withheld',
  'other',
] as const
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number]

// received -> under_review (someone took it) -> decided (substantiated or not) -> closed.
// A referral to the police is recorded beside the status (a case number), at any point.
export const COMPLAINT_STATUSES = ['received', 'under_review', 'decided', 'closed'] as const
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number]
export const OUTCOMES = ['substantiated', 'unsubstantiated'] as const
export type Outcome = (typeof OUTCOMES)[number]

/** What the person who reported sees when tracking the reference: the outcome in words, never details. */
export type TrackedStatus = 'received' | 'under_review' | 'found_true' | 'not_proven' | 'referred_to_police'

export function trackedStatus(complaint: {
  status: ComplaintStatus
  outcome: Outcome | null
  police_case_number: string | null
}): TrackedStatus {
  if (complaint.police_case_number) return 'referred_to_police'
  if (complaint.status === 'decided' || complaint.status === 'closed')
    return complaint.outcome === 'substantiated' ? 'found_true' : 'not_proven'
  return complaint.status
}

// Public flags, and the proven categories that raise them.
export const PUBLIC_FLAGS = ['fee', 'fraud'] as const
export type PublicFlag = (typeof PUBLIC_FLAGS)[number]
export const FLAG_CATEGORIES: Record<PublicFlag, readonly ComplaintCategory[]> = {
  fee: ['recruitment_fee'],
  fraud: ['deception', 'contract_substitution', 'documents_retained'],
}

// Demerit points for a substantiated finding, by proven category. Modelled on Singapore's
// scheme (12 points: under surveillance, shown publicly; 24: suspension or revocation
// considered) with GLAA's weighting of critical standards: each finding that goes to the
// heart of forced labour (a fee charged to the worker, deception, a substituted contract,
// documents kept) weighs 12 on its own, so one such finding puts an agency under watch and
// two within 24 months bring its licence to review. Lesser findings weigh less.
export const DEMERIT_POINTS: Record<ComplaintCategory, number> = {
  recruitment_fee: 12,
  deception: 12,
  contract_substitution: 12,
  documents_retained: 12,
  wages_withheld: 6,
  unlicensed_recruitment: 6,
  other: 3,
}
/** One complaint never weighs more than the review threshold. */
export const MAX_POINTS_PER_FINDING = 24
export const WATCH_POINTS = 12
export const REVIEW_POINTS = 24
/** Points count for this long after the decision, then lapse. */
export const DEMERIT_WINDOW_MONTHS = 24

/** The points a substantiated finding carries, fixed when it is decided. */
export function pointsForFinding(proven: readonly ComplaintCategory[]): number {
  const total = [...new Set(proven)].reduce((sum, category) => sum + DEMERIT_POINTS[category], 0)
  return Math.min(total, MAX_POINTS_PER_FINDING)
}

/** Findings decided on or before this date no longer count. */
export function demeritWindowStart(today: string): string {
  return addMonths(today, -DEMERIT_WINDOW_MONTHS)
}

/** A substantiated finding against an agency: from a complaint or from an inspection. */
export interface Finding {
  reference: string
  /** From a complaint: its reference is the reporter's key, shown only to those who triage. */
  fromComplaint?: boolean
  proven: readonly ComplaintCategory[]
  points: number
  /** When it was decided (ISO timestamp); its date decides the window. */
  decidedAt: string
}

export interface FlagClearance {
  flag: PublicFlag
  clearedAt: string
}

export interface AgencyFlags {
  /** Shown on public pages. */
  publicFlags: PublicFlag[]
  points: number
  underWatch: boolean
  /** The licence belongs in the licensing office's review queue. */
  forReview: boolean
  /** The findings that make up the points, newest first. */
  counting: Finding[]
  openComplaints: number
  /** Inspection findings on the agency that no officer has yet substantiated or dismissed. */
  unreviewedFindings: number
  /** What the system suggests; a person decides. */
  recommendation: string | null
}

/**
 * An agency's flags and points today. A public flag stands while a finding that raises it was
 * decided after the flag was last cleared. Clearing a flag (a refund verified) removes the
 * public warning, not the points: those lapse only with time.
 */
export function agencyFlags(input: {
  findings: readonly Finding[]
  clearances: readonly FlagClearance[]
  openComplaints: number
  unreviewedFindings?: number
  today: string
}): AgencyFlags {
  const windowStart = demeritWindowStart(input.today)
  const counting = input.findings
    .filter((f) => f.decidedAt.slice(0, 10) > windowStart)
    .sort((a, b) => b.decidedAt.localeCompare(a.decidedAt))
  const points = counting.reduce((sum, f) => sum + f.points, 0)
  const lastCleared = (flag: PublicFlag) =>
    input.clearances
      .filter((c) => c.flag === flag)
      .reduce<string | null>((latest, c) => (latest && latest > c.clearedAt ? latest : c.clearedAt), null)
  const publicFlags = PUBLIC_FLAGS.filter((flag) => {
    const cleared = lastCleared(flag)
    return input.findings.some(
      (f) =>
        f.proven.some((c) => FLAG_CATEGORIES[flag].includes(c)) &&
        (cleared === null || f.decidedAt > cleared),
    )
  })
  const forReview = points >= REVIEW_POINTS
  const underWatch = points >= WATCH_POINTS
  const findingsWord = (n: number) => (n === 1 ? '1 substantiated finding' : `${n} substantiated findings`)
  const recommendation = forReview
    ? `Review the licence: ${points} demerit points from ${findingsWord(counting.length)} in ${DEMERIT_WINDOW_MONTHS} months (review at ${REVIEW_POINTS}). Consider suspension or revocation.`
    : underWatch
      ? `Under watch: ${points} demerit points from ${findingsWord(counting.length)} in ${DEMERIT_WINDOW_MONTHS} months. The licence comes to review at ${REVIEW_POINTS}.`
      : null
  return {
    publicFlags,
    points,
    underWatch,
    forReview,
    counting,
    openComplaints: input.openComplaints,
    unreviewedFindings: input.unreviewedFindings ?? 0,
    recommendation,
  }
}

/** What a public page warns about: the public flags, then "under watch". */
export type PublicWarning = PublicFlag | 'under_watch'

export function publicWarnings(flags: Pick<AgencyFlags, 'publicFlags' | 'underWatch'>): PublicWarning[] {
  return [...flags.publicFlags, ...(flags.underWatch ? (['under_watch'] as const) : [])]
}

// References: 8 characters from 32 without look-alikes (no 0, O, 1 or I), so 32^8 ≈ 10^12 of
// them and each byte maps to a character without bias.
const REFERENCE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** "C-7KQ3-X9PD" from random bytes (the caller supplies crypto-random bytes). */
export function complaintReference(bytes: Uint8Array): string {
  if (bytes.length < 8) throw new Error('a reference needs 8 random bytes')
  const chars = [...bytes.slice(0, 8)].map((b) => REFERENCE_ALPHABET[b % REFERENCE_ALPHABET.length])
  return `C-${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`
}

/** "c 7kq3 x9pd", "C7KQ3X9PD" -> "C-7KQ3-X9PD"; anything else -> null. */
export function normaliseReference(typed: string): string | null {
  const upper = typed.trim().toUpperCase()
  const compact = (/^C[\s-]/.test(upper) ? upper.slice(2) : upper).replace(/[^0-9A-Z]/g, '')
  const body = compact.startsWith('C') && compact.length === 9 ? compact.slice(1) : compact
  if (body.length !== 8 || [...body].some((ch) => !REFERENCE_ALPHABET.includes(ch))) return null
  return `C-${body.slice(0, 4)}-${body.slice(4)}`
}
