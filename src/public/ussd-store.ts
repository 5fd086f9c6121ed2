import { createHash } from 'node:crypto'
import type { ComplaintInput } from '../complaints/schemas.js'
import { storeReport } from '../complaints/store-report.js'
import type { Database } from '../db/database.js'
import type { Language } from '../i18n/messages.js'
import { readOfferCode } from '../job-offers/code.js'
import { licenceNumberIn } from '../licence-number.js'
import type { CompleteReport } from './ussd-report.js'

// A report made by USSD, stored as any public report (src/complaints/store-report.ts), channel
// `ussd`. Its key comes from the gateway's session id, so a resend or a redial of the last screen
// of the same session finds the report already stored instead of storing another.

/** The report's key: one per USSD session, whatever the gateway repeats. */
export const ussdReportKey = (sessionId: string) =>
  `ussd-${createHash('sha256').update(sessionId).digest('base64url').slice(0, 40)}`

/** Stores the report of a session (once), and gives its reference. */
export async function storeUssdReport(
  db: Database,
  report: CompleteReport,
  session: { sessionId: string; phoneNumber: string; lang: Language },
): Promise<string> {
  const typed = report.recruiter
  const licence = licenceNumberIn(typed)
  const code = readOfferCode(typed)
  const input: ComplaintInput & { licenceNumber: string | null } = {
    licenceNumber: licence,
    licence: licence ?? undefined,
    recruiter_name: licence || code.ok ? undefined : typed,
    recruiter_place: undefined,
    recruiter_phone: undefined,
    categories: report.categories,
    fee_amount: report.amount ?? undefined,
    fee_currency: report.amount?.currency ?? undefined,
    happened_on: undefined,
    district: report.district ?? undefined,
    job_offer_code: code.ok ? code.code : undefined,
    promised_job: undefined,
    promised_employer: undefined,
    promised_country: undefined,
    description: report.details
      ? `Reported by phone (USSD): ${report.details}`
      : 'Reported by phone (USSD): no description was typed.',
    // The caller's number is kept only when they said the office may call them on it.
    contact_phone: report.mayContact ? session.phoneNumber : undefined,
    contact_email: undefined,
    may_contact: report.mayContact,
    contact_language: session.lang,
    submission_key: ussdReportKey(session.sessionId),
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
