import { createHmac } from 'node:crypto'
import type { ComplaintInput } from '../complaints/schemas.js'
import { storeReport } from '../complaints/store-report.js'
import type { Database } from '../db/database.js'
import type { Language } from '../i18n/messages.js'
import { readOfferCode } from '../job-offers/code.js'
import { licenceNumberIn } from '../licence-number.js'
import type { CompleteReport } from './ussd-report.js'

// A report made by USSD, stored as any public report (src/complaints/store-report.ts), channel
// `ussd`. Its key is made from the caller's number, the day and the answers, so a gateway's
// resend of the last screen, and a caller who redials after a dropped session and answers the
// same, find the report already stored and are given its reference again. The key is an HMAC
// under the server's secret: a phone number (eight digits) could otherwise be found from it.

/** The report's key: the same for the same caller, day and answers, whatever is repeated. */
export function ussdReportKey(
  secret: string,
  phoneNumber: string,
  day: string,
  report: CompleteReport,
): string {
  const answers = JSON.stringify([
    report.recruiter.toLowerCase().replace(/\s+/g, ' '),
    [...report.categories].sort(),
    report.details?.toLowerCase() ?? null,
    report.amount,
    report.district,
    report.mayContact,
  ])
  const mac = createHmac('sha256', secret).update(`ussd-report\n${phoneNumber}\n${day}\n${answers}`)
  return `ussd-${mac.digest('base64url').slice(0, 40)}`
}

/** Stores the report of a session (once), and gives its reference. */
export async function storeUssdReport(
  db: Database,
  report: CompleteReport,
  session: { phoneNumber: string; lang: Language; day: string; secret: string },
): Promise<string> {
  const typed = report.recruiter
  // Eight digits are a job offer code, valid or mistyped, not a licence number ("4821-5533").
  const code = readOfferCode(typed)
  const licence = code.ok || code.problem === 'mistyped' ? null : licenceNumberIn(typed)
  const input: ComplaintInput & { licenceNumber: string | null; outsideLesotho: boolean } = {
    licenceNumber: licence,
    licence: licence ?? undefined,
    // Eight digits are kept as the code on the advert, valid or not: a made-up code is evidence.
    recruiter_name: licence || code.ok || code.problem === 'mistyped' ? undefined : typed,
    recruiter_place: undefined,
    recruiter_phone: undefined,
    categories: report.categories,
    fee_amount: report.amount ?? undefined,
    fee_currency: report.amount?.currency ?? undefined,
    happened_on: undefined,
    district: report.district ?? undefined,
    outsideLesotho: report.district === null,
    job_offer_code: code.ok ? code.code : code.problem === 'mistyped' ? typed.replace(/\D/g, '') : undefined,
    promised_job: undefined,
    promised_employer: undefined,
    promised_country: undefined,
    // The caller's own words, typed for "Something else"; the page says it came by phone.
    description: report.details ?? 'No description was typed (reported by phone, USSD).',
    // The caller's number is kept only when they said the office may call them on it.
    contact_phone: report.mayContact ? session.phoneNumber : undefined,
    contact_email: undefined,
    may_contact: report.mayContact,
    contact_language: session.lang,
    submission_key: ussdReportKey(session.secret, session.phoneNumber, session.day, report),
    website: '',
  }
  const stored = await storeReport(db, input, session.lang, 'ussd')
  if ('reference' in stored) return stored.reference
  // A licence number no agency holds is kept as the name typed.
  const again = await storeReport(
    db,
    { ...input, licenceNumber: null, licence: undefined, recruiter_name: typed },
    session.lang,
    'ussd',
  )
  if ('reference' in again) return again.reference
  throw new Error('a USSD report without a licence could not be stored')
}
