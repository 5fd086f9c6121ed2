import type { ComplaintCategory } from '../complaints/rules.js'
import { COMPLAINT_CATEGORIES } from '../complaints/rules.js'
import type { Catalogue } from '../i18n/messages.js'
import { formatMoney, parseMoney, type TypedMoney } from '../money.js'
import { DISTRICTS, type District } from '../vocabulary.js'

// Reporting a recruiter by USSD, a pure function of the answers the gateway sends back: the
// recruiter, what happened, how much, where, whether the office may call, then a summary to
// confirm. No state is kept between screens, so any instance answers the next one, and a
// dropped session leaves nothing stored. An answer that cannot be read asks the same again.

export const REPORT_FIELDS = [
  'recruiter',
  'categories',
  'details',
  'amount',
  'district',
  'contact',
  'confirm',
] as const
export type ReportField = (typeof REPORT_FIELDS)[number]

export interface ReportDraft {
  /** A name, a licence number or the job offer code on the advert, as typed. */
  recruiter?: string
  categories?: ComplaintCategory[]
  /** A few words, asked only when "Something else" was chosen: the category alone says nothing. */
  details?: string | null
  /** Null: nothing was asked or paid (0). */
  amount?: TypedMoney | null
  /** Null: outside Lesotho, or the caller could not say. */
  district?: District | null
  mayContact?: boolean
}
export type CompleteReport = Required<ReportDraft>

export type ReportStep =
  | { kind: 'ask'; field: ReportField; draft: ReportDraft; retry: boolean }
  | { kind: 'send'; report: CompleteReport }
  | { kind: 'cancelled' }

/** Where a report is, from the answers given after choosing "Report a recruiter". */
export function reportStep(answers: readonly string[]): ReportStep {
  const draft: ReportDraft = {}
  let field: ReportField = 'recruiter'
  let retry = false
  const next = (to: ReportField) => {
    field = to
    retry = false
  }
  for (const raw of answers) {
    const answer = raw.trim()
    retry = true
    if (field === 'recruiter') {
      if (answer.length >= 2 && answer.length <= 100) {
        draft.recruiter = answer
        next('categories')
      }
    } else if (field === 'categories') {
      const numbers = answer.split(/[\s,.;]+/).filter(Boolean)
      const chosen = numbers.map((n) => (/^\d+$/.test(n) ? COMPLAINT_CATEGORIES[Number(n) - 1] : undefined))
      if (chosen.length > 0 && chosen.every(Boolean)) {
        draft.categories = [...new Set(chosen as ComplaintCategory[])]
        draft.details = null
        next(draft.categories.includes('other') ? 'details' : 'amount')
      }
    } else if (field === 'details') {
      if (answer.length >= 3 && answer.length <= DETAILS_MAX) {
        draft.details = answer
        next('amount')
      }
    } else if (field === 'amount') {
      // "0", "0.00", "M0": nothing asked or taken.
      const money = parseMoney(answer)
      if (money) {
        draft.amount = money.minor > 0 ? money : null
        next('district')
      }
    } else if (field === 'district') {
      const district =
        answer === '0' ? null : /^\d+$/.test(answer) ? DISTRICTS[Number(answer) - 1] : undefined
      if (district !== undefined) {
        draft.district = district
        next('contact')
      }
    } else if (field === 'contact') {
      if (answer === '1' || answer === '2') {
        draft.mayContact = answer === '1'
        next('confirm')
      }
    } else if (field === 'confirm') {
      if (answer === '1') return { kind: 'send', report: draft as CompleteReport }
      if (answer === '2') return { kind: 'cancelled' }
    }
  }
  return { kind: 'ask', field, draft, retry }
}

/** What a caller may type for "Something else": a screen's worth. */
export const DETAILS_MAX = 150

/** A numbered list, one per line: "1 Asked a fee". */
const numbered = (items: readonly string[]) => items.map((item, i) => `${i + 1} ${item}`).join('\n')

/** The ten districts, then "0 Outside Lesotho": many are deceived on farms and mines abroad. */
const districts = (t: Catalogue) => `${numbered(DISTRICTS)}\n0 ${t.ussd.reportOutsideLesotho}`

/** The question for a field; `retry` says the last answer could not be read. */
export function reportQuestion(step: Extract<ReportStep, { kind: 'ask' }>, t: Catalogue): string {
  const u = t.ussd
  const question = (() => {
    switch (step.field) {
      case 'recruiter':
        return u.reportRecruiter
      case 'categories':
        return `${u.reportCategories}\n${numbered(COMPLAINT_CATEGORIES.map((c) => u.reportCategoryNames[c]))}`
      case 'details':
        return u.reportDetails
      case 'amount':
        return u.reportAmount
      case 'district':
        return `${u.reportDistrict}\n${districts(t)}`
      case 'contact':
        return u.reportContact
      case 'confirm':
        return summary(step.draft as CompleteReport, t, step.retry ? u.reportRetry.length + 1 : 0)
    }
  })()
  if (!step.retry) return question
  // A numbered list has no room for the question again: "Not understood." and the list.
  if (step.field === 'categories')
    return `${u.reportRetry}\n${numbered(COMPLAINT_CATEGORIES.map((c) => u.reportCategoryNames[c]))}`
  if (step.field === 'district') return `${u.reportRetry}\n${districts(t)}`
  return `${u.reportRetry} ${question}`
}

/**
 * The summary to confirm, shortened where it must be: the amount, the place and the call choice
 * stay whole (they are what is confirmed); the recruiter and what happened give way.
 */
function summary(report: CompleteReport, t: Catalogue, before: number): string {
  const u = t.ussd
  const what = report.categories.map((c) => u.reportCategoryNames[c]).join(', ')
  const amount = report.amount ? formatMoney(report.amount.minor, report.amount.currency) : u.reportNoAmount
  const where = report.district ?? u.reportOutsideLesotho
  const choices = `; ${amount}; ${where}; ${report.mayContact ? u.reportCallYes : u.reportCallNo}\n${u.reportConfirm}`
  const room = 160 - 'CON '.length - before - choices.length
  const who = `${report.recruiter}: `
  const start = who.length > room / 2 ? `${who.slice(0, Math.floor(room / 2) - 5).trimEnd()}...: ` : who
  const body = `${start}${what}`
  return `${body.length > room ? `${body.slice(0, room - 3).trimEnd()}...` : body}${choices}`
}
